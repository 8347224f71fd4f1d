package dev.eddy.streaming.api.functions.source.legacy;

import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.eddy.runtime.state.FunctionInitializationContext;
import dev.eddy.runtime.state.FunctionSnapshotContext;
import dev.eddy.streaming.api.checkpoint.CheckpointedFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the numbers {@code from..to} (inclusive), ascending. With parallelism p, subtask i emits
 * the i-th of p contiguous, near-equal slices of the range.
 *
 * <p>Replayable: the ranges still to emit ({@code long[]{next, last}}) are kept in split-distributed
 * operator list state ({@value #STATE_NAME}); a restored subtask (at any parallelism) emits exactly
 * the ranges it was given. Each {@code collect} and the progress update after it happen under the
 * checkpoint lock, so a snapshot (taken under that lock) never splits a record from its progress.
 */
public class SequenceSourceFunction extends RichParallelSourceFunction<Long> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private final long from;
    private final long to;
    static final String STATE_NAME = "sequence-source-remaining";
    private volatile boolean running = true;
    private transient ListState<long[]> checkpointedState;
    /** Restored ranges, or null on a fresh start. Changed under the checkpoint lock once running. */
    private transient List<long[]> remaining;

    public SequenceSourceFunction(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("Start of sequence (" + from + ") must not be greater than its end (" + to + ")");
        }
        this.from = from;
        this.to = to;
    }

    /** The first number of subtask {@code index}'s slice; the slice ends before the next subtask's first. */
    public static long sliceStart(long from, long to, int index, int parallelism) {
        long total = to - from + 1;
        long base = total / parallelism;
        long remainder = total % parallelism;
        return from + index * base + Math.min(index, remainder);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        checkpointedState = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>(STATE_NAME, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        if (context.isRestored()) {
            remaining = new ArrayList<>();
            for (long[] range : checkpointedState.get()) {
                remaining.add(range.clone());
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        if (checkpointedState == null) {
            throw new IllegalStateException("SequenceSourceFunction snapshotted before initializeState()");
        }
        List<long[]> copy = new ArrayList<>();
        for (long[] range : remainingRanges()) {
            copy.add(range.clone());
        }
        checkpointedState.update(copy);
    }

    private List<long[]> remainingRanges() {
        if (remaining == null) {
            TaskInfo info = getRuntimeContext().getTaskInfo();
            int index = info.getIndexOfThisSubtask();
            int parallelism = info.getNumberOfParallelSubtasks();
            long start = sliceStart(from, to, index, parallelism);
            long end = index + 1 == parallelism ? to : sliceStart(from, to, index + 1, parallelism) - 1;
            remaining = new ArrayList<>();
            if (start <= end) {
                remaining.add(new long[] {start, end});
            }
        }
        return remaining;
    }

    @Override
    public void run(SourceContext<Long> ctx) {
        List<long[]> ranges;
        synchronized (ctx.getCheckpointLock()) {
            ranges = remainingRanges();
        }
        while (!ranges.isEmpty() && running) {
            long[] range = ranges.get(0);
            boolean rangeDone = false;
            while (running && !rangeDone) {
                synchronized (ctx.getCheckpointLock()) {
                    long n = range[0];
                    ctx.collect(n);
                    if (n == range[1]) {
                        ranges.remove(0);
                        rangeDone = true;
                    } else {
                        range[0] = n + 1;
                    }
                }
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}

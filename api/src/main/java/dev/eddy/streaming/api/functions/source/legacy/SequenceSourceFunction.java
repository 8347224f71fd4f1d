package dev.eddy.streaming.api.functions.source.legacy;

import dev.eddy.api.common.TaskInfo;

/**
 * Emits the numbers {@code from..to} (inclusive), ascending. With parallelism p, subtask i emits
 * the i-th of p contiguous, near-equal slices of the range.
 */
public class SequenceSourceFunction extends RichParallelSourceFunction<Long> {
    private static final long serialVersionUID = 1L;
    private final long from;
    private final long to;
    private volatile boolean running = true;

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
    public void run(SourceContext<Long> ctx) {
        TaskInfo info = getRuntimeContext().getTaskInfo();
        int index = info.getIndexOfThisSubtask();
        int parallelism = info.getNumberOfParallelSubtasks();
        long start = sliceStart(from, to, index, parallelism);
        long end = index + 1 == parallelism ? to : sliceStart(from, to, index + 1, parallelism) - 1;
        for (long n = start; n <= end && running; n++) {
            ctx.collect(n);
            if (n == Long.MAX_VALUE) {
                break;
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}

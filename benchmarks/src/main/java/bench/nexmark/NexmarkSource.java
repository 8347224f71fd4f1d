package bench.nexmark;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.runtime.state.FunctionInitializationContext;
import dev.eddy.runtime.state.FunctionSnapshotContext;
import dev.eddy.streaming.api.checkpoint.CheckpointedFunction;
import dev.eddy.streaming.api.functions.source.legacy.RichParallelSourceFunction;

/**
 * A bounded parallel source of {@code events} Nexmark events. Subtask {@code k} of {@code p} owns
 * the contiguous index range {@code [events*k/p, events*(k+1)/p)} and emits it in ascending order,
 * which keeps every event on time for a watermark lagging {@link NexmarkGenerator#disorderMs()}.
 *
 * <p>Threading: {@link #run} runs on the task's legacy source thread and emits under the checkpoint
 * lock in small batches; {@link #snapshotState} is called on the task thread under that lock, so the
 * position it stores is exactly the next index to emit (exactly-once on restore at the same
 * parallelism). {@link #cancel} may be called from any thread.
 */
public class NexmarkSource extends RichParallelSourceFunction<Event> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 64;

    private final NexmarkGenerator generator;
    private final long events;
    private volatile boolean running = true;
    private transient ListState<Long> positionState;
    /** The next index to emit; -1 until {@link #run} (or a restored checkpoint) sets it. */
    private transient long next;

    public NexmarkSource(NexmarkGenerator generator, long events) {
        this.generator = generator;
        this.events = events;
    }

    @Override
    public void run(SourceContext<Event> ctx) {
        int p = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        int k = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        long end = events * (k + 1) / p;
        if (next < 0) {
            next = events * k / p;
        }
        Object lock = ctx.getCheckpointLock();
        if (next < end) {
            ProcessingSpan.firstEvent();
        }
        while (running && next < end) {
            synchronized (lock) {
                long stop = Math.min(end, next + BATCH);
                for (long i = next; i < stop; i++) {
                    ctx.collect(generator.event(i));
                }
                next = stop;
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        positionState.clear();
        positionState.add(next);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        positionState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next-index", Long.class));
        next = -1; // transient fields are 0 after deserialization, and 0 is a valid position
        for (Long position : positionState.get()) {
            next = position;
        }
    }
}

package bench.nexmark;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.runtime.state.FunctionInitializationContext;
import dev.eddy.runtime.state.FunctionSnapshotContext;
import dev.eddy.streaming.api.checkpoint.CheckpointedFunction;
import dev.eddy.streaming.api.functions.source.legacy.RichParallelSourceFunction;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * A bounded parallel source of {@code events} Nexmark events. Subtask {@code k} of {@code p} owns
 * the contiguous index range {@code [events*k/p, events*(k+1)/p)} and emits it in ascending order,
 * which keeps every event on time for a watermark lagging {@link NexmarkGenerator#disorderMs()}.
 *
 * <p>Throttled (with a {@link Pacing}): subtask {@code k} owns the indexes {@code i ≡ k (mod p)}
 * instead, so all subtasks advance through event time together at {@code R / p} events/s each.
 * It never emits an event before the ideal instant of its timestamp ({@link Pacing#idealNanos});
 * it waits with {@link LockSupport#parkNanos} for at least {@link #MIN_PARK_NANOS} (no spinning:
 * the machine's cores are shared with the rest of the job, and at most 5,000 wake-ups a second
 * keep the pacing cheap), so an event may be emitted up to some 0.3 ms after its ideal instant,
 * which the measured latency includes. When behind it emits at once without skipping any event
 * (the backlog then shows as latency). How late each batch left the source is recorded
 * ({@link #emissionLag()}): lag there means the source was starved of CPU or back-pressured.
 *
 * <p>Threading: {@link #run} runs on the task's legacy source thread and emits under the checkpoint
 * lock in small batches (never waiting while holding it); {@link #snapshotState} is called on the
 * task thread under that lock, so the position it stores is exactly the next index to emit
 * (exactly-once on restore at the same parallelism). {@link #cancel} may be called from any thread. The JVM-wide first and last
 * emission instants ({@link #emissionSpanNanos()}) are published by each subtask when its
 * {@link #run} ends.
 */
public class NexmarkSource extends RichParallelSourceFunction<Event> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 64;
    private static final AtomicLong FIRST_EMISSION = new AtomicLong(Long.MAX_VALUE);
    private static final AtomicLong LAST_EMISSION = new AtomicLong(Long.MIN_VALUE);
    private static final Histogram EMISSION_LAG = new Histogram(3);
    /** The shortest wait of a throttled source. */
    static final long MIN_PARK_NANOS = 200_000;

    private final NexmarkGenerator generator;
    private final long events;
    /** Null for an unthrottled source. */
    private final Pacing pacing;
    private volatile boolean running = true;
    private transient ListState<Long> positionState;
    /** The next index to emit; -1 until {@link #run} (or a restored checkpoint) sets it. */
    private transient long next;

    /** An unthrottled source: emits as fast as the job takes the events. */
    public NexmarkSource(NexmarkGenerator generator, long events) {
        this(generator, events, null);
    }

    /** A source throttled by {@code pacing}, or unthrottled if it is null. */
    public NexmarkSource(NexmarkGenerator generator, long events, Pacing pacing) {
        this.generator = generator;
        this.events = events;
        this.pacing = pacing;
    }

    /** Clears the JVM-wide emission span; call before a run whose span is to be read. */
    public static void resetEmissionSpan() {
        FIRST_EMISSION.set(Long.MAX_VALUE);
        LAST_EMISSION.set(Long.MIN_VALUE);
        synchronized (EMISSION_LAG) {
            EMISSION_LAG.reset();
        }
    }

    /**
     * A copy of the throttled sources' emission lag in nanoseconds: for each batch after the
     * pacing's warm-up, how long after the ideal instant of its first event it was emitted.
     */
    public static Histogram emissionLag() {
        synchronized (EMISSION_LAG) {
            return EMISSION_LAG.copy();
        }
    }

    /** Nanoseconds from the first emission of any subtask to the last, or 0 if none emitted. */
    public static long emissionSpanNanos() {
        long first = FIRST_EMISSION.get();
        long last = LAST_EMISSION.get();
        return last >= first ? last - first : 0;
    }

    @Override
    public void run(SourceContext<Event> ctx) {
        int p = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        int k = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        long first = System.nanoTime();
        try {
            if (pacing == null) {
                runUnthrottled(ctx, p, k);
            } else {
                runThrottled(ctx, p, k);
            }
        } finally {
            long last = System.nanoTime();
            FIRST_EMISSION.accumulateAndGet(first, Math::min);
            LAST_EMISSION.accumulateAndGet(last, Math::max);
        }
    }

    private void runUnthrottled(SourceContext<Event> ctx, int p, int k) {
        long end = events * (k + 1) / p;
        if (next < 0) {
            next = events * k / p;
        }
        if (next < end) {
            ProcessingSpan.firstEvent();
        }
        while (running && next < end) {
            // asked for per batch, as is idiomatic: it lets the engine run pending mail between batches
            synchronized (ctx.getCheckpointLock()) {
                long stop = Math.min(end, next + BATCH);
                for (long i = next; i < stop; i++) {
                    ctx.collect(generator.event(i));
                }
                next = stop;
            }
        }
    }

    private void runThrottled(SourceContext<Event> ctx, int p, int k) {
        if (next < 0) {
            next = k;
        }
        long start = Pacing.startNanos();
        if (next < events) {
            ProcessingSpan.firstEvent();
        }
        Event pending = next < events ? generator.event(next) : null;
        Histogram lag = new Histogram(3);
        try {
            while (running && pending != null) {
                pending = emitDue(ctx, pending, p, start, lag);
            }
        } finally {
            synchronized (EMISSION_LAG) {
                EMISSION_LAG.add(lag);
            }
        }
    }

    /** Waits for {@code pending}'s ideal instant, emits it and the batch due with it; returns the next event or null. */
    private Event emitDue(SourceContext<Event> ctx, Event pending, int p, long start, Histogram lag) {
        long wait = pacing.idealNanos(start, pending.dateTime) - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(Math.max(wait, MIN_PARK_NANOS));
            return pending;
        }
        if (pacing.sinceStartNanos(pending.dateTime) >= pacing.warmupNanos()) {
            lag.recordValue(-wait);
        }
        synchronized (ctx.getCheckpointLock()) {
            int emitted = 0;
            do {
                ctx.collect(pending);
                next += p;
                pending = next < events ? generator.event(next) : null;
            } while (pending != null && ++emitted < BATCH && pacing.idealNanos(start, pending.dateTime) <= System.nanoTime());
        }
        return pending;
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

package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.connector.testing.TestSubtask;
import dev.eddy.streaming.api.functions.source.legacy.SourceFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The checkpoint-lock contract of {@link StreamSource}: mail (checkpoints) never runs while the
 * legacy source holds its checkpoint lock, yet it gets through for a source that re-takes the lock
 * batch after batch; the source thread has always ended when {@code run} returns.
 */
@Timeout(60)
class LegacySourceThreadingTest {
    /** Like the Nexmark source: caches the lock, emits a batch under it and advances its position after the batch. */
    static final class BatchSource implements SourceFunction<Long> {
        private static final long serialVersionUID = 1L;
        static final int BATCH = 64;
        private final long end;
        private volatile boolean running = true;
        long next;

        BatchSource(long end) {
            this.end = end;
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            Object lock = ctx.getCheckpointLock();
            while (running && next < end) {
                synchronized (lock) {
                    long stop = Math.min(end, next + BATCH);
                    for (long i = next; i < stop; i++) {
                        ctx.collect(i);
                    }
                    next = stop;
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    private static <T> StreamSource<T, ?> open(SourceFunction<T> fn, TestSubtask<T> subtask) throws Exception {
        StreamSource<T, SourceFunction<T>> op = new StreamSource<>(fn);
        op.setup(subtask.parameters());
        op.open();
        return op;
    }

    @Test
    void checkpointsOfABatchSourceGetThroughAndNeverSeeAHalfEmittedBatch() throws Exception {
        BatchSource fn = new BatchSource(400_000);
        TestSubtask<Long> subtask = new TestSubtask<>(0, 1);
        List<long[]> snapshots = new ArrayList<>(); // {position, records emitted} at each "checkpoint"
        AtomicBoolean finished = new AtomicBoolean();
        Thread trigger = new Thread(() -> {
            while (!finished.get()) {
                subtask.addMail(() -> snapshots.add(new long[] {fn.next, subtask.events.size()}));
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            }
        });
        StreamSource<Long, ?> op = open(fn, subtask);
        trigger.start();
        try {
            op.run(subtask.control());
        } finally {
            finished.set(true);
            trigger.join();
        }
        assertThat(subtask.values()).hasSize(400_000 + 0);
        assertThat(snapshots).as("checkpoints got through while the source emitted").hasSizeGreaterThan(2);
        for (long[] s : snapshots) {
            assertThat(s[1]).as("records emitted when position was %d", s[0]).isEqualTo(s[0]);
            assertThat(s[0] % BatchSource.BATCH == 0 || s[0] == 400_000).as("snapshot at a batch boundary: %d", s[0]).isTrue();
        }
        assertThat(subtask.events.get(subtask.events.size() - 1))
                .isEqualTo(dev.eddy.streaming.api.watermark.Watermark.MAX_WATERMARK);
    }

    @Test
    void aFailingSourceFailsRunAndItsThreadHasEnded() throws Exception {
        AtomicReference<Thread> sourceThread = new AtomicReference<>();
        SourceFunction<String> fn = new SourceFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void run(SourceContext<String> ctx) {
                sourceThread.set(Thread.currentThread());
                ctx.collect("a");
                throw new IllegalStateException("source broke");
            }

            @Override
            public void cancel() {}
        };
        TestSubtask<String> subtask = new TestSubtask<>(0, 1);
        StreamSource<String, ?> op = open(fn, subtask);
        Thread caller = Thread.currentThread();
        assertThatThrownBy(() -> op.run(subtask.control())).isInstanceOf(IllegalStateException.class).hasMessage("source broke");
        assertThat(sourceThread.get()).isNotSameAs(caller);
        assertThat(sourceThread.get().isAlive()).isFalse();
        assertThat(subtask.values()).containsExactly("a");
    }

    @Test
    void failingMailStopsAndJoinsASourceThatHoldsItsLockBlocked() throws Exception {
        AtomicReference<Thread> sourceThread = new AtomicReference<>();
        SourceFunction<String> fn = new SourceFunction<>() {
            private static final long serialVersionUID = 1L;
            private volatile boolean running = true;

            @Override
            public void run(SourceContext<String> ctx) throws InterruptedException {
                sourceThread.set(Thread.currentThread());
                while (running) {
                    synchronized (ctx.getCheckpointLock()) {
                        ctx.collect("x");
                    }
                    Thread.sleep(1);
                }
            }

            @Override
            public void cancel() {
                running = false;
            }
        };
        TestSubtask<String> subtask = new TestSubtask<>(0, 1);
        StreamSource<String, ?> op = open(fn, subtask);
        subtask.onRecord(() -> {
            if (subtask.events.size() == 5) {
                subtask.addMail(() -> {
                    throw new IllegalStateException("checkpoint failed");
                });
            }
        });
        assertThatThrownBy(() -> op.run(subtask.control())).hasMessage("checkpoint failed");
        assertThat(sourceThread.get().isAlive()).isFalse();
        assertThat(op.isCanceled()).isTrue();
    }

    @Test
    void mailRunsOnTheCallersThreadUnderTheCheckpointLock() throws Exception {
        AtomicReference<Object> lock = new AtomicReference<>();
        SourceFunction<Integer> fn = new SourceFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void run(SourceContext<Integer> ctx) throws InterruptedException {
                lock.set(ctx.getCheckpointLock());
                for (int i = 0; i < 50; i++) {
                    ctx.collect(i);
                    Thread.sleep(1);
                }
            }

            @Override
            public void cancel() {}
        };
        TestSubtask<Integer> subtask = new TestSubtask<>(0, 1);
        StreamSource<Integer, ?> op = open(fn, subtask);
        Thread caller = Thread.currentThread();
        List<String> violations = new ArrayList<>();
        AtomicBoolean ran = new AtomicBoolean();
        subtask.onRecord(() -> {
            if (subtask.events.size() == 10) {
                subtask.addMail(() -> {
                    ran.set(true);
                    if (Thread.currentThread() != caller || !Thread.holdsLock(lock.get())) {
                        violations.add("mail ran on " + Thread.currentThread().getName());
                    }
                });
            }
        });
        op.run(subtask.control());
        assertThat(ran).isTrue();
        assertThat(violations).isEmpty();
    }
}

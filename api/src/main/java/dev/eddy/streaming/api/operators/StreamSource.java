package dev.eddy.streaming.api.operators;

import dev.eddy.streaming.api.functions.source.legacy.SourceFunction;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/**
 * Runs a legacy {@link SourceFunction} as the head of a source task. {@link #run} calls the
 * function's {@code run} on the task thread with a context that emits through the output and
 * gives the task a chance to process mail every {@value #YIELD_INTERVAL} records, or on the
 * next record after 1 ms (slow sources). Mail (and so a checkpoint, which snapshots a
 * {@code CheckpointedFunction}) runs only at the START of a {@code collect}, before the new record
 * is emitted: a function that updates its state right after each {@code collect} (the usual
 * pattern, also inside {@code synchronized (ctx.getCheckpointLock())}) is always snapshotted
 * consistently with what it emitted. When the
 * function returns without having been cancelled, the stream ends with
 * {@link Watermark#MAX_WATERMARK}. {@link #cancel} (any thread) sets a flag and calls the
 * function's {@code cancel}.
 */
public class StreamSource<OUT, SRC extends SourceFunction<OUT>> extends AbstractUdfStreamOperator<OUT, SRC>
        implements SourceOperator<OUT> {
    private static final long serialVersionUID = 1L;
    /** Records emitted between two calls of {@code checkpointOrYield}. */
    static final int YIELD_INTERVAL = 16;
    /** Slow sources yield on every record once this much time has passed since the last yield. */
    static final long MAX_YIELD_DELAY_NANOS = 1_000_000L;
    private transient volatile boolean canceled;

    public StreamSource(SRC sourceFunction) {
        super(sourceFunction);
    }

    @Override
    public void run(SourceContextControl control) throws Exception {
        Context ctx = new Context(control);
        try {
            userFunction.run(ctx);
        } catch (Exception e) {
            if (canceled || control.isCancelled()) {
                return;
            }
            throw e;
        }
        if (!canceled && !control.isCancelled()) {
            ctx.emitWatermark(Watermark.MAX_WATERMARK);
        }
    }

    @Override
    public void cancel() {
        canceled = true;
        userFunction.cancel();
    }

    public boolean isCanceled() {
        return canceled;
    }

    private final class Context implements SourceFunction.SourceContext<OUT> {
        private final SourceContextControl control;
        private final StreamRecord<OUT> reuse = new StreamRecord<>(null);
        private final Object lock = new Object();
        private int sinceYield;
        private long lastYieldNanos = System.nanoTime();
        private boolean idle;

        Context(SourceContextControl control) {
            this.control = control;
        }

        @Override
        public void collect(OUT element) {
            reuse.eraseTimestamp();
            emit(reuse.replace(element));
        }

        @Override
        public void collectWithTimestamp(OUT element, long timestamp) {
            emit(reuse.replace(element, timestamp));
        }

        /**
         * Yields (if due) BEFORE emitting: mail, and so checkpoints, run only at the start of a
         * collect, when the function has finished updating its state for the previous record.
         */
        private void emit(StreamRecord<OUT> record) {
            long now = System.nanoTime();
            if (sinceYield >= YIELD_INTERVAL || now - lastYieldNanos > MAX_YIELD_DELAY_NANOS) {
                sinceYield = 0;
                lastYieldNanos = now;
                yieldToMailbox();
            }
            markActive();
            output.collect(record);
            sinceYield++;
        }

        private void yieldToMailbox() {
            try {
                control.checkpointOrYield();
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeException("Interrupted while the source task processed its mailbox", e);
            } catch (Exception e) {
                throw new RuntimeException("Processing mail of the source task failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void emitWatermark(Watermark mark) {
            markActive();
            output.emitWatermark(mark);
        }

        /** Idle until the next record or watermark: downstream event time is not held back meanwhile. */
        @Override
        public void markAsTemporarilyIdle() {
            if (!idle) {
                idle = true;
                output.emitWatermarkStatus(dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus.IDLE);
            }
        }

        private void markActive() {
            if (idle) {
                idle = false;
                output.emitWatermarkStatus(dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus.ACTIVE);
            }
        }

        @Override
        public Object getCheckpointLock() {
            return lock;
        }

        @Override
        public void close() {}
    }
}

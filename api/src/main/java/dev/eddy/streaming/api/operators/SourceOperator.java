package dev.eddy.streaming.api.operators;

/**
 * The head of a source chain. The task calls {@link #run} once on its thread; the source emits
 * through the output it got in setup. Between records a source must call
 * {@link SourceContextControl#checkpointOrYield()} so mail (cancellation, timers, later
 * checkpoint barriers) is processed. {@link #cancel()} may be called from another thread and must
 * only set a flag.
 */
public interface SourceOperator<OUT> extends StreamOperator<OUT> {
    /** Runs until the source is exhausted (returns) or cancelled. */
    void run(SourceContextControl control) throws Exception;

    /** Asks run to return soon. Thread-safe. */
    void cancel();

    /** Handed to {@link #run}: lets the source give the task thread a chance to process mail. */
    interface SourceContextControl {
        /** Runs pending mail and waits while output is back-pressured. Task thread only. */
        void checkpointOrYield() throws Exception;

        /** True once the task is being cancelled. */
        boolean isCancelled();
    }
}

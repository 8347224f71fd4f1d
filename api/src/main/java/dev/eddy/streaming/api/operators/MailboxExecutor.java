package dev.eddy.streaming.api.operators;

/** Enqueues work to run on the task thread. {@link #execute} is thread-safe. */
public interface MailboxExecutor {
    void execute(ThrowingRunnable command, String description);

    /** Runs one pending mail if any, else waits for one. Task thread only. */
    void yield() throws InterruptedException, Exception;

    /** Runs one pending mail if any; returns false if there was none. Task thread only. */
    boolean tryYield() throws Exception;

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}

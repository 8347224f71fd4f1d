package dev.eddy.runtime.taskmanager.checkpoint;

/**
 * The asynchronous part of a snapshot, returned by the synchronous part. {@link #run()} is called
 * once, on an async snapshot thread, while the task keeps processing records; it writes the files
 * and returns the handle (null: nothing to store). If the checkpoint is abandoned before it runs,
 * {@link #discard()} is called instead to release what the synchronous part pinned.
 */
public interface AsyncSnapshot<T> {
    T run() throws Exception;

    default void discard() {}

    /** An already finished snapshot. */
    static <T> AsyncSnapshot<T> done(T value) {
        return () -> value;
    }
}

package dev.eddy.api.connector.source;

import dev.eddy.api.common.TaskInfo;

/** What a {@link SourceReader} sees of its subtask. Called only from the source task thread. */
public interface SourceReaderContext {
    /** Index of this reader's subtask, from 0. */
    int getIndexOfSubtask();

    /** Number of parallel readers. */
    int currentParallelism();

    /** Facts about the running subtask. */
    TaskInfo getTaskInfo();

    /** Host name of the machine the reader runs on. */
    String getLocalHostName();

    /** Asks the enumerator for a split; the answer arrives later through {@link SourceReader#addSplits}. */
    void sendSplitRequest();

    /** Sends a custom event to the enumerator ({@link SplitEnumerator#handleSourceEvent}). */
    default void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot send source events to the enumerator");
    }

    /** The job's user-code class loader. */
    ClassLoader getUserCodeClassLoader();
}

package dev.eddy.connector.file.sink;

import java.util.List;

/**
 * The checkpointed state of one {@link FileSink} writer: its id (part of all its file names) and
 * the pending files it produced that may still be waiting for their commit. On restore every
 * hidden part file of that writer id that is not listed is garbage (in progress when the job
 * failed, or pre-committed for a checkpoint that never completed) and is deleted. Immutable.
 */
public final class FileWriterState {
    private final String writerId;
    private final List<String> pendingFiles;

    public FileWriterState(String writerId, List<String> pendingFiles) {
        this.writerId = writerId;
        this.pendingFiles = List.copyOf(pendingFiles);
    }

    public String getWriterId() {
        return writerId;
    }

    public List<String> getPendingFiles() {
        return pendingFiles;
    }

    @Override
    public String toString() {
        return "FileWriterState{" + writerId + ", pending=" + pendingFiles + "}";
    }
}

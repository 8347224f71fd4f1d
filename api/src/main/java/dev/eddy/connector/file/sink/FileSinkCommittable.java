package dev.eddy.connector.file.sink;

import java.util.Objects;

/**
 * A pending part file of a {@link FileSink}: the closed, hidden file and the visible name the
 * committer renames it to. Immutable; paths are absolute local paths.
 */
public final class FileSinkCommittable {
    private final String pendingFile;
    private final String finalFile;

    public FileSinkCommittable(String pendingFile, String finalFile) {
        this.pendingFile = Objects.requireNonNull(pendingFile, "pendingFile");
        this.finalFile = Objects.requireNonNull(finalFile, "finalFile");
    }

    public String getPendingFile() {
        return pendingFile;
    }

    public String getFinalFile() {
        return finalFile;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileSinkCommittable && ((FileSinkCommittable) o).pendingFile.equals(pendingFile)
                && ((FileSinkCommittable) o).finalFile.equals(finalFile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pendingFile, finalFile);
    }

    @Override
    public String toString() {
        return "FileSinkCommittable{" + pendingFile + " -> " + finalFile + "}";
    }
}

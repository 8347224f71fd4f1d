package dev.eddy.connector.file.src;

import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.core.fs.Path;
import java.util.Objects;

/**
 * A byte range of one file (today always the whole file) plus the reader's progress: the number of
 * records of the range already emitted, which a restored reader skips. Immutable.
 */
public class FileSourceSplit implements SourceSplit {
    private final String id;
    private final Path filePath;
    private final long offset;
    private final long length;
    private final long recordsToSkip;

    public FileSourceSplit(String id, Path filePath, long offset, long length) {
        this(id, filePath, offset, length, 0);
    }

    public FileSourceSplit(String id, Path filePath, long offset, long length, long recordsToSkip) {
        this.id = Objects.requireNonNull(id, "id");
        this.filePath = Objects.requireNonNull(filePath, "filePath");
        this.offset = offset;
        this.length = length;
        this.recordsToSkip = recordsToSkip;
    }

    @Override
    public String splitId() {
        return id;
    }

    public Path path() {
        return filePath;
    }

    public long offset() {
        return offset;
    }

    public long length() {
        return length;
    }

    /** Records of this split already emitted before a checkpoint. */
    public long recordsToSkip() {
        return recordsToSkip;
    }

    /** This split with updated progress. */
    public FileSourceSplit withRecordsToSkip(long records) {
        return new FileSourceSplit(id, filePath, offset, length, records);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FileSourceSplit)) {
            return false;
        }
        FileSourceSplit that = (FileSourceSplit) o;
        return offset == that.offset && length == that.length && recordsToSkip == that.recordsToSkip
                && id.equals(that.id) && filePath.equals(that.filePath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, filePath, offset, length, recordsToSkip);
    }

    @Override
    public String toString() {
        return "FileSourceSplit{" + id + ": " + filePath + " [" + offset + ", " + (offset + length) + ")"
                + (recordsToSkip > 0 ? " skip " + recordsToSkip : "") + "}";
    }
}

package dev.eddy.api.connector.source;

import java.io.Serializable;
import java.util.Objects;

/** A registered reader: its subtask index and location. Immutable. */
public final class ReaderInfo implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int subtaskId;
    private final String location;

    public ReaderInfo(int subtaskId, String location) {
        this.subtaskId = subtaskId;
        this.location = location;
    }

    public int getSubtaskId() {
        return subtaskId;
    }

    public String getLocation() {
        return location;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReaderInfo && ((ReaderInfo) o).subtaskId == subtaskId
                && Objects.equals(((ReaderInfo) o).location, location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subtaskId, location);
    }

    @Override
    public String toString() {
        return "ReaderInfo{subtask=" + subtaskId + ", location=" + location + "}";
    }
}

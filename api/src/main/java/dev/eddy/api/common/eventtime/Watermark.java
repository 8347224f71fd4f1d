package dev.eddy.api.common.eventtime;

import java.io.Serializable;

/**
 * Event-time progress as seen by watermark generators and sink writers: no element with a
 * timestamp at or below this one is expected any more. (The runtime's in-band form is
 * {@code dev.eddy.streaming.api.watermark.Watermark}.) Immutable.
 */
public final class Watermark implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);
    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watermark && ((Watermark) o).timestamp == timestamp;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "Watermark @ " + timestamp;
    }
}

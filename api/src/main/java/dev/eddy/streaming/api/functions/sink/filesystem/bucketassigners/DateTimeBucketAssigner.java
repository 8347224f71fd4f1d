package dev.eddy.streaming.api.functions.sink.filesystem.bucketassigners;

import dev.eddy.core.io.SimpleVersionedSerializer;
import dev.eddy.streaming.api.functions.sink.filesystem.BucketAssigner;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Buckets elements by the processing time at which they are written, formatted with a
 * {@link DateTimeFormatter} pattern (default {@value #DEFAULT_FORMAT_STRING}: one bucket per hour)
 * in a time zone (default: the system's).
 */
public class DateTimeBucketAssigner<IN> implements BucketAssigner<IN, String> {
    private static final long serialVersionUID = 1L;
    public static final String DEFAULT_FORMAT_STRING = "yyyy-MM-dd--HH";
    private final String formatString;
    private final ZoneId zoneId;
    private transient DateTimeFormatter formatter;

    public DateTimeBucketAssigner() {
        this(DEFAULT_FORMAT_STRING);
    }

    public DateTimeBucketAssigner(String formatString) {
        this(formatString, ZoneId.systemDefault());
    }

    public DateTimeBucketAssigner(ZoneId zoneId) {
        this(DEFAULT_FORMAT_STRING, zoneId);
    }

    public DateTimeBucketAssigner(String formatString, ZoneId zoneId) {
        if (formatString == null || zoneId == null) {
            throw new IllegalArgumentException("DateTimeBucketAssigner: format string and zone must not be null");
        }
        this.formatString = formatString;
        this.zoneId = zoneId;
        DateTimeFormatter.ofPattern(formatString); // fail at job build time on a bad pattern
    }

    @Override
    public String getBucketId(IN element, Context context) {
        if (formatter == null) {
            formatter = DateTimeFormatter.ofPattern(formatString).withZone(zoneId);
        }
        return formatter.format(Instant.ofEpochMilli(context.currentProcessingTime()));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "DateTimeBucketAssigner{format='" + formatString + "', zone=" + zoneId + "}";
    }
}

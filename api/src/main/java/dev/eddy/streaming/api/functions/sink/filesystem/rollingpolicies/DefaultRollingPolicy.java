package dev.eddy.streaming.api.functions.sink.filesystem.rollingpolicies;

import dev.eddy.configuration.MemorySize;
import dev.eddy.streaming.api.functions.sink.filesystem.PartFileInfo;
import dev.eddy.streaming.api.functions.sink.filesystem.RollingPolicy;
import java.io.IOException;
import java.time.Duration;

/**
 * Rolls a part file when it reaches the maximum size (default 128 MB), when it has been open
 * longer than the rollover interval (default 60 s), or when nothing was written to it for the
 * inactivity interval (default 60 s). Time-based rolling is checked periodically by the sink.
 */
public final class DefaultRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {
    private static final long serialVersionUID = 1L;
    public static final long DEFAULT_MAX_PART_SIZE = 128L * 1024 * 1024;
    public static final long DEFAULT_ROLLOVER_INTERVAL = 60_000L;
    public static final long DEFAULT_INACTIVITY_INTERVAL = 60_000L;
    private final long partSize;
    private final long rolloverInterval;
    private final long inactivityInterval;

    private DefaultRollingPolicy(long partSize, long rolloverInterval, long inactivityInterval) {
        this.partSize = partSize;
        this.rolloverInterval = rolloverInterval;
        this.inactivityInterval = inactivityInterval;
    }

    public static PolicyBuilder builder() {
        return new PolicyBuilder();
    }

    @Override
    public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) throws IOException {
        return partFileState.getSize() > partSize;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws IOException {
        return partFileState.getSize() > partSize;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
        return currentTime - partFileState.getCreationTime() >= rolloverInterval
                || currentTime - partFileState.getLastUpdateTime() >= inactivityInterval;
    }

    public long getMaxPartSize() {
        return partSize;
    }

    public long getRolloverInterval() {
        return rolloverInterval;
    }

    public long getInactivityInterval() {
        return inactivityInterval;
    }

    /** Builds a {@link DefaultRollingPolicy}. */
    public static final class PolicyBuilder {
        private long partSize = DEFAULT_MAX_PART_SIZE;
        private long rolloverInterval = DEFAULT_ROLLOVER_INTERVAL;
        private long inactivityInterval = DEFAULT_INACTIVITY_INTERVAL;

        private PolicyBuilder() {}

        public PolicyBuilder withMaxPartSize(MemorySize size) {
            if (size == null || size.getBytes() <= 0) {
                throw new IllegalArgumentException("DefaultRollingPolicy: max part size must be positive, was " + size);
            }
            this.partSize = size.getBytes();
            return this;
        }

        public PolicyBuilder withRolloverInterval(Duration interval) {
            this.rolloverInterval = positiveMillis(interval, "rollover interval");
            return this;
        }

        public PolicyBuilder withInactivityInterval(Duration interval) {
            this.inactivityInterval = positiveMillis(interval, "inactivity interval");
            return this;
        }

        private static long positiveMillis(Duration d, String what) {
            if (d == null || d.toMillis() <= 0) {
                throw new IllegalArgumentException("DefaultRollingPolicy: " + what + " must be at least 1 ms, was " + d);
            }
            return d.toMillis();
        }

        public <IN, BucketID> DefaultRollingPolicy<IN, BucketID> build() {
            return new DefaultRollingPolicy<>(partSize, rolloverInterval, inactivityInterval);
        }
    }
}

package dev.eddy.api.common.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of keyed state: a value (or a list element, or a map entry) expires {@code ttl}
 * after its last access timestamp was set. Which accesses set it is the {@link UpdateType}; whether
 * an expired but not yet removed value can still be read is the {@link StateVisibility}. Only
 * processing time is supported. Immutable and serializable; travels with the state descriptor.
 *
 * <p>Expired values are removed when they are accessed and, unless
 * {@link Builder#disableCleanupInBackground()} was called, by incremental cleanup in the heap
 * backend (by default 5 entries per state access).
 */
public final class StateTtlConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** TTL switched off: what a descriptor has until {@code enableTimeToLive} is called. */
    public static final StateTtlConfig DISABLED =
            newBuilder(Duration.ofMillis(Long.MAX_VALUE)).setUpdateType(UpdateType.Disabled).build();

    /** Which accesses refresh the last access timestamp. */
    public enum UpdateType {
        /** TTL is disabled; state never expires. */
        Disabled,
        /** The timestamp is set on creation and on every write. */
        OnCreateAndWrite,
        /** As {@link #OnCreateAndWrite}, and also on every read. */
        OnReadAndWrite
    }

    /** Whether expired values that are still stored may be returned. */
    public enum StateVisibility {
        /** An expired value that is still stored is returned (and removed by that access). */
        ReturnExpiredIfNotCleanedUp,
        /** An expired value is never returned. */
        NeverReturnExpired
    }

    /** The time TTL is measured in. */
    public enum TtlTimeCharacteristic {
        ProcessingTime
    }

    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final TtlTimeCharacteristic ttlTimeCharacteristic;
    private final Duration ttl;
    private final CleanupStrategies cleanupStrategies;

    private StateTtlConfig(UpdateType updateType, StateVisibility stateVisibility, TtlTimeCharacteristic characteristic,
            Duration ttl, CleanupStrategies cleanupStrategies) {
        this.updateType = updateType;
        this.stateVisibility = stateVisibility;
        this.ttlTimeCharacteristic = characteristic;
        this.ttl = ttl;
        this.cleanupStrategies = cleanupStrategies;
    }

    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    /** A builder preset with this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder(ttl).setUpdateType(updateType).setStateVisibility(stateVisibility)
                .setTtlTimeCharacteristic(ttlTimeCharacteristic);
        b.fullSnapshot = cleanupStrategies.fullSnapshot;
        b.inBackground = cleanupStrategies.inBackground;
        b.incremental = cleanupStrategies.incremental;
        b.rocksdbCompactFilter = cleanupStrategies.rocksdbCompactFilter;
        return b;
    }

    public UpdateType getUpdateType() {
        return updateType;
    }

    public StateVisibility getStateVisibility() {
        return stateVisibility;
    }

    public TtlTimeCharacteristic getTtlTimeCharacteristic() {
        return ttlTimeCharacteristic;
    }

    public Duration getTimeToLive() {
        return ttl;
    }

    public CleanupStrategies getCleanupStrategies() {
        return cleanupStrategies;
    }

    /** True unless the update type is {@link UpdateType#Disabled}. */
    public boolean isEnabled() {
        return updateType != UpdateType.Disabled;
    }

    @Override
    public String toString() {
        return "StateTtlConfig{ttl=" + ttl + ", updateType=" + updateType + ", stateVisibility=" + stateVisibility
                + ", ttlTimeCharacteristic=" + ttlTimeCharacteristic + ", cleanupStrategies=" + cleanupStrategies + "}";
    }

    /** Builds a {@link StateTtlConfig}; defaults: OnCreateAndWrite, NeverReturnExpired, cleanup in background. */
    public static final class Builder {
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
        private TtlTimeCharacteristic ttlTimeCharacteristic = TtlTimeCharacteristic.ProcessingTime;
        private Duration ttl;
        private boolean fullSnapshot;
        private boolean inBackground = true;
        private IncrementalCleanupStrategy incremental;
        private RocksdbCompactFilterCleanupStrategy rocksdbCompactFilter;

        public Builder(Duration ttl) {
            setTtl(ttl);
        }

        public Builder setUpdateType(UpdateType updateType) {
            this.updateType = Objects.requireNonNull(updateType, "update type");
            return this;
        }

        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        public Builder setStateVisibility(StateVisibility stateVisibility) {
            this.stateVisibility = Objects.requireNonNull(stateVisibility, "state visibility");
            return this;
        }

        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic characteristic) {
            this.ttlTimeCharacteristic = Objects.requireNonNull(characteristic, "TTL time characteristic");
            return this;
        }

        public Builder useProcessingTime() {
            return setTtlTimeCharacteristic(TtlTimeCharacteristic.ProcessingTime);
        }

        public Builder setTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "TTL");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("State TTL must be positive, was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /** Leaves expired state out of full snapshots (recorded; the heap backend has no snapshots yet). */
        public Builder cleanupFullSnapshot() {
            this.fullSnapshot = true;
            return this;
        }

        /**
         * Checks {@code cleanupSize} entries of the state for expiry on every access of that state,
         * and additionally on every processed record if {@code runCleanupForEveryRecord}.
         */
        public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
            if (cleanupSize <= 0) {
                throw new IllegalArgumentException("Incremental cleanup size must be > 0, was " + cleanupSize);
            }
            this.incremental = new IncrementalCleanupStrategy(cleanupSize, runCleanupForEveryRecord);
            return this;
        }

        /** Cleanup in RocksDB compactions, querying the time after this many entries (recorded for the RocksDB backend). */
        public Builder cleanupInRocksdbCompactFilter(long queryTimeAfterNumEntries) {
            this.rocksdbCompactFilter = new RocksdbCompactFilterCleanupStrategy(queryTimeAfterNumEntries);
            return this;
        }

        /** No default background cleanup: only strategies configured explicitly run. */
        public Builder disableCleanupInBackground() {
            this.inBackground = false;
            return this;
        }

        public StateTtlConfig build() {
            return new StateTtlConfig(updateType, stateVisibility, ttlTimeCharacteristic, ttl,
                    new CleanupStrategies(fullSnapshot, inBackground, incremental, rocksdbCompactFilter));
        }
    }

    /** The configured ways expired state is removed besides removal on access. */
    public static final class CleanupStrategies implements Serializable {
        private static final long serialVersionUID = 1L;
        static final IncrementalCleanupStrategy DEFAULT_INCREMENTAL = new IncrementalCleanupStrategy(5, false);
        static final RocksdbCompactFilterCleanupStrategy DEFAULT_ROCKSDB = new RocksdbCompactFilterCleanupStrategy(1000L);

        private final boolean fullSnapshot;
        private final boolean inBackground;
        private final IncrementalCleanupStrategy incremental;
        private final RocksdbCompactFilterCleanupStrategy rocksdbCompactFilter;

        CleanupStrategies(boolean fullSnapshot, boolean inBackground, IncrementalCleanupStrategy incremental,
                RocksdbCompactFilterCleanupStrategy rocksdbCompactFilter) {
            this.fullSnapshot = fullSnapshot;
            this.inBackground = inBackground;
            this.incremental = incremental;
            this.rocksdbCompactFilter = rocksdbCompactFilter;
        }

        public boolean inFullSnapshot() {
            return fullSnapshot;
        }

        public boolean isCleanupInBackground() {
            return inBackground;
        }

        /** The explicit incremental strategy, else the default one when background cleanup is on, else null. */
        public IncrementalCleanupStrategy getIncrementalCleanupStrategy() {
            return incremental != null ? incremental : inBackground ? DEFAULT_INCREMENTAL : null;
        }

        /** The explicit compaction-filter strategy, else the default one when background cleanup is on, else null. */
        public RocksdbCompactFilterCleanupStrategy getRocksdbCompactFilterCleanupStrategy() {
            return rocksdbCompactFilter != null ? rocksdbCompactFilter : inBackground ? DEFAULT_ROCKSDB : null;
        }

        @Override
        public String toString() {
            return "CleanupStrategies{fullSnapshot=" + fullSnapshot + ", inBackground=" + inBackground
                    + ", incremental=" + incremental + ", rocksdbCompactFilter=" + rocksdbCompactFilter + "}";
        }
    }

    /** Incremental cleanup of the heap backend. */
    public static final class IncrementalCleanupStrategy implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int cleanupSize;
        private final boolean runCleanupForEveryRecord;

        IncrementalCleanupStrategy(int cleanupSize, boolean runCleanupForEveryRecord) {
            this.cleanupSize = cleanupSize;
            this.runCleanupForEveryRecord = runCleanupForEveryRecord;
        }

        public int getCleanupSize() {
            return cleanupSize;
        }

        public boolean runCleanupForEveryRecord() {
            return runCleanupForEveryRecord;
        }

        @Override
        public String toString() {
            return "Incremental{cleanupSize=" + cleanupSize + ", forEveryRecord=" + runCleanupForEveryRecord + "}";
        }
    }

    /** Cleanup during RocksDB compactions. */
    public static final class RocksdbCompactFilterCleanupStrategy implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long queryTimeAfterNumEntries;

        RocksdbCompactFilterCleanupStrategy(long queryTimeAfterNumEntries) {
            this.queryTimeAfterNumEntries = queryTimeAfterNumEntries;
        }

        public long getQueryTimeAfterNumEntries() {
            return queryTimeAfterNumEntries;
        }

        @Override
        public String toString() {
            return "RocksdbCompactFilter{queryTimeAfterNumEntries=" + queryTimeAfterNumEntries + "}";
        }
    }
}

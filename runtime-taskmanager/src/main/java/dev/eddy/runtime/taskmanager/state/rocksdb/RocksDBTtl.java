package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.runtime.taskmanager.state.TtlTime;
import java.util.function.LongSupplier;

/**
 * The TTL rules of one RocksDB state: expiry of a stored last-access timestamp, visibility of
 * expired values and whether reads refresh the timestamp. Values of state with TTL are stored with
 * a leading {@code long} timestamp (each list element and each map value has its own). Expired
 * values are removed when accessed and left out of canonical snapshots with
 * {@code cleanupFullSnapshot}. Task thread only (the clock may be read by snapshot threads too).
 */
final class RocksDBTtl {
    private final StateTtlConfig config;
    private final LongSupplier clock;
    private final long ttlMillis;

    RocksDBTtl(StateTtlConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.ttlMillis = TtlTime.ttlMillis(config);
    }

    long now() {
        return clock.getAsLong();
    }

    /** Expired when {@code now >= lastAccess + ttl} (saturating at Long.MAX_VALUE), as on the heap. */
    boolean isExpired(long lastAccess, long now) {
        return TtlTime.isExpired(lastAccess, ttlMillis, now);
    }

    long ttlMillis() {
        return ttlMillis;
    }

    boolean returnExpired() {
        return config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    }

    /** Whether reading an unexpired value refreshes its timestamp (OnReadAndWrite). */
    boolean refreshOnRead() {
        return config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    }

    /** Whether canonical snapshots leave expired values out. */
    boolean cleanupInFullSnapshot() {
        return config.getCleanupStrategies().inFullSnapshot();
    }
}

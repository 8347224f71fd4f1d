package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.runtime.taskmanager.state.TtlTime;
import dev.eddy.api.common.state.StateDescriptor;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The TTL rules of one state: expiry, visibility, timestamp refresh, and the incremental cleanup
 * that runs after each access of the state. Task thread only.
 */
final class TtlContext {
    private final StateTtlConfig config;
    private final LongSupplier clock;
    private final long ttlMillis;
    private final TtlIncrementalCleanup<?> cleanup;

    /** @param cleanup the state's incremental cleanup, or null when not configured */
    TtlContext(StateTtlConfig config, LongSupplier clock, TtlIncrementalCleanup<?> cleanup) {
        this.config = config;
        this.clock = clock;
        this.ttlMillis = TtlTime.ttlMillis(config);
        this.cleanup = cleanup;
    }

    long now() {
        return clock.getAsLong();
    }

    <V> TtlValue<V> wrap(V value) {
        return new TtlValue<>(value, now());
    }

    /** Expired when {@code now >= lastAccess + ttl} (saturating at Long.MAX_VALUE). */
    boolean isExpired(TtlValue<?> value, long now) {
        return TtlTime.isExpired(value.getLastAccessTimestamp(), ttlMillis, now);
    }

    boolean returnExpired() {
        return config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    }

    /** Refreshes the timestamp of an unexpired value that was just read, if the update type says so. */
    void onRead(TtlValue<?> value, long now) {
        if (config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite) {
            value.setLastAccessTimestamp(now);
        }
    }

    /**
     * Whether a stored value of a state of {@code type} still has something unexpired now: the
     * {@link TtlValue} itself, or any list element or map value. Reads only (no cleanup, no
     * timestamp refresh).
     */
    Predicate<Object> liveness(StateDescriptor.Type type) {
        switch (type) {
            case LIST:
                return stored -> {
                    long now = now();
                    for (Object v : (List<?>) stored) {
                        if (!isExpired((TtlValue<?>) v, now)) {
                            return true;
                        }
                    }
                    return false;
                };
            case MAP:
                return stored -> {
                    long now = now();
                    for (Object v : ((Map<?, ?>) stored).values()) {
                        if (!isExpired((TtlValue<?>) v, now)) {
                            return true;
                        }
                    }
                    return false;
                };
            default:
                return stored -> !isExpired((TtlValue<?>) stored, now());
        }
    }

    /** Runs the state's incremental cleanup, if any; called after each access of the state. */
    void afterAccess() {
        if (cleanup != null) {
            cleanup.runCleanup();
        }
    }
}

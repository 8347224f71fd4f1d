package dev.eddy.runtime.taskmanager.state;

import dev.eddy.api.common.state.StateTtlConfig;

/** Expiry arithmetic of state TTL shared by the backends. Stateless; any thread. */
public final class TtlTime {
    private TtlTime() {}

    /** The time to live in milliseconds, Long.MAX_VALUE when it does not fit. */
    public static long ttlMillis(StateTtlConfig config) {
        try {
            return config.getTimeToLive().toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Expired when {@code now >= lastAccess + ttl} (saturating at Long.MAX_VALUE). */
    public static boolean isExpired(long lastAccess, long ttlMillis, long now) {
        long expiresAt = lastAccess > Long.MAX_VALUE - ttlMillis ? Long.MAX_VALUE : lastAccess + ttlMillis;
        return expiresAt <= now;
    }
}

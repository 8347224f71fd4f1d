package dev.eddy.runtime.jobmanager.failover;

import java.time.Duration;

/** Durations in messages: "250 ms", "1 s", "1.5 s". */
final class Durations {
    private Durations() {}

    static String text(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

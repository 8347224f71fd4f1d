package dev.eddy.runtime.jobmanager.resourcemanager;

import java.time.Duration;

/** Formats durations for user-facing messages. */
public final class TimeFormat {
    private TimeFormat() {}

    /** Whole seconds from 10 s up ("60"), one decimal below ("0.5", "2.0"). Without the unit. */
    public static String seconds(Duration d) {
        long millis = d.toMillis();
        if (millis >= 10_000) {
            return Long.toString(Math.round(millis / 1000.0));
        }
        return String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }
}

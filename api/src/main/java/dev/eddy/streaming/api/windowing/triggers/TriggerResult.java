package dev.eddy.streaming.api.windowing.triggers;

/**
 * What a {@link Trigger} decides for a window: whether to evaluate the window function now
 * ({@link #isFire()}) and whether to clear the window's contents ({@link #isPurge()}). The window
 * itself (its trigger state and cleanup timer) stays until its cleanup time.
 */
public enum TriggerResult {
    CONTINUE(false, false),
    FIRE_AND_PURGE(true, true),
    FIRE(true, false),
    PURGE(false, true);

    private final boolean fire;
    private final boolean purge;

    TriggerResult(boolean fire, boolean purge) {
        this.fire = fire;
        this.purge = purge;
    }

    public boolean isFire() {
        return fire;
    }

    public boolean isPurge() {
        return purge;
    }
}

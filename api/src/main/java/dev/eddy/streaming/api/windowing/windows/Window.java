package dev.eddy.streaming.api.windowing.windows;

/**
 * A grouping of elements into a finite bucket. Windows are values: equal windows (by
 * {@code equals}/{@code hashCode}) are the same bucket, and they serve as state and timer
 * namespaces of the window operator. Immutable.
 */
public abstract class Window {
    /** The largest timestamp that still belongs to this window; the window fires once event time passes it. */
    public abstract long maxTimestamp();
}

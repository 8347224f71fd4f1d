package dev.eddy.streaming.api.windowing.assigners;

import dev.eddy.streaming.api.windowing.windows.Window;
import java.util.Collection;

/** An assigner whose windows can merge (sessions): the operator asks it to merge after each new window. */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
    private static final long serialVersionUID = 1L;

    /** Reports, through {@code callback}, each group of {@code windows} that merges into one window. */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Receives the merges found by {@link #mergeWindows}. */
    public interface MergeCallback<W> {
        /** {@code toBeMerged} (two or more windows) become {@code mergeResult}. */
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}

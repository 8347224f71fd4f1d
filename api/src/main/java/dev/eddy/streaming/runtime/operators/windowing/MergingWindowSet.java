package dev.eddy.streaming.runtime.operators.windowing;

import dev.eddy.api.common.state.ValueState;
import dev.eddy.streaming.api.windowing.assigners.MergingWindowAssigner;
import dev.eddy.streaming.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-flight windows of one key of a merging (session) window operator, each mapped to its
 * <em>state window</em>: the namespace its contents are kept under. When windows merge, the merged
 * window takes over the state window of one of them and the others' contents are merged into it,
 * so contents are never rewritten just because a window grows. Loaded from and persisted to a
 * keyed {@link ValueState} of the current key. Task thread only; one instance per key and call.
 */
public final class MergingWindowSet<W extends Window> {
    private final MergingWindowAssigner<?, W> assigner;
    private final ValueState<Map<W, W>> state;
    private final Map<W, W> mapping;
    private final Map<W, W> initial;

    /** What happens to state and triggers when windows merge. */
    public interface MergeFunction<W> {
        /**
         * @param mergeResult the window the merged windows become
         * @param mergedWindows the existing windows merged (their trigger state and timers must go)
         * @param stateWindowResult the state window of {@code mergeResult}
         * @param mergedStateWindows state windows whose contents must be merged into {@code stateWindowResult}
         */
        void merge(W mergeResult, Collection<W> mergedWindows, W stateWindowResult, Collection<W> mergedStateWindows) throws Exception;
    }

    public MergingWindowSet(MergingWindowAssigner<?, W> assigner, ValueState<Map<W, W>> state) throws Exception {
        this.assigner = assigner;
        this.state = state;
        Map<W, W> stored = state.value();
        this.mapping = stored == null ? new HashMap<>() : new HashMap<>(stored);
        this.initial = new HashMap<>(mapping);
    }

    /** Writes the mapping back if it changed. */
    public void persist() throws Exception {
        if (!mapping.equals(initial)) {
            if (mapping.isEmpty()) {
                state.clear();
            } else {
                state.update(new HashMap<>(mapping));
            }
        }
    }

    /** The namespace of {@code window}'s contents, or null if the window is not (any more) in flight. */
    public W getStateWindow(W window) {
        return mapping.get(window);
    }

    /** Forgets {@code window} (it was purged at its cleanup time, or is late). */
    public void retireWindow(W window) {
        if (mapping.remove(window) == null) {
            throw new IllegalStateException("Window " + window + " is not in the merging window set " + mapping.keySet());
        }
    }

    /**
     * Adds {@code newWindow}, merging it with in-flight windows as the assigner decides, and
     * returns the window it ended up in (itself or a merge result). {@code mergeFunction} is called
     * for every merge that involves existing windows (not when the new window merely falls inside
     * one window).
     */
    public W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
        List<W> windows = new ArrayList<>(mapping.keySet());
        windows.add(newWindow);
        Map<W, List<W>> merges = new LinkedHashMap<>();
        assigner.mergeWindows(windows, (toBeMerged, mergeResult) -> merges.put(mergeResult, new ArrayList<>(toBeMerged)));

        W resultWindow = newWindow;
        boolean newWindowMerged = false;
        for (Map.Entry<W, List<W>> merge : merges.entrySet()) {
            W mergeResult = merge.getKey();
            List<W> merged = merge.getValue();
            if (merged.remove(newWindow)) {
                newWindowMerged = true;
                resultWindow = mergeResult;
            }
            if (merged.isEmpty()) {
                continue;
            }
            W stateWindowResult = mapping.get(merged.get(0));
            List<W> mergedStateWindows = new ArrayList<>();
            for (W w : merged) {
                W stateWindow = mapping.remove(w);
                if (stateWindow != null && !stateWindow.equals(stateWindowResult)) {
                    mergedStateWindows.add(stateWindow);
                }
            }
            mapping.put(mergeResult, stateWindowResult);
            boolean onlyCoveredByExisting = merged.size() == 1 && merged.get(0).equals(mergeResult);
            if (!onlyCoveredByExisting) {
                mergeFunction.merge(mergeResult, merged, stateWindowResult, mergedStateWindows);
            }
        }
        if (!newWindowMerged) {
            mapping.put(newWindow, newWindow);
        }
        return resultWindow;
    }

    @Override
    public String toString() {
        return "MergingWindowSet" + mapping;
    }
}

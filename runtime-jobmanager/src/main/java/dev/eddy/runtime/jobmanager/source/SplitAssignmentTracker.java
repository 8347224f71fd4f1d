package dev.eddy.runtime.jobmanager.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which splits the enumerator assigned to which subtask, grouped by the first checkpoint whose
 * coordinator snapshot came after the assignment. When a subtask restarts from checkpoint
 * {@code c}, the splits assigned after {@code c}'s snapshot are not in its restored reader state
 * and not pending in the enumerator either: {@link #takeAssignmentsAfter} returns them so they can
 * go back to the enumerator ({@code addSplitsBack}). A completed checkpoint makes everything up
 * to it safe, so it is forgotten.
 *
 * <p>Threading: the source coordinator thread only.
 */
final class SplitAssignmentTracker<SplitT> {
    /** checkpoint id → subtask → splits assigned before that checkpoint's snapshot (and after the previous one). */
    private final TreeMap<Long, Map<Integer, List<SplitT>>> byCheckpoint = new TreeMap<>();
    private Map<Integer, List<SplitT>> uncheckpointed = new HashMap<>();

    void recordAssignment(int subtask, List<SplitT> splits) {
        uncheckpointed.computeIfAbsent(subtask, k -> new ArrayList<>()).addAll(splits);
    }

    /** The coordinator snapshot of {@code checkpointId} was taken. */
    void onCheckpoint(long checkpointId) {
        if (!uncheckpointed.isEmpty()) {
            byCheckpoint.put(checkpointId, uncheckpointed);
            uncheckpointed = new HashMap<>();
        }
    }

    /** Checkpoint {@code checkpointId} completed: its assignments and all earlier ones are in its state. */
    void onCheckpointComplete(long checkpointId) {
        byCheckpoint.headMap(checkpointId, true).clear();
    }

    /**
     * Removes and returns what {@code subtask} got after the snapshot of {@code restoredCheckpointId}
     * (negative: everything still tracked), oldest first.
     */
    List<SplitT> takeAssignmentsAfter(int subtask, long restoredCheckpointId) {
        List<SplitT> result = new ArrayList<>();
        Iterator<Map.Entry<Long, Map<Integer, List<SplitT>>>> it = byCheckpoint.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Map<Integer, List<SplitT>>> e = it.next();
            if (e.getKey() > restoredCheckpointId) {
                List<SplitT> splits = e.getValue().remove(subtask);
                if (splits != null) {
                    result.addAll(splits);
                }
                if (e.getValue().isEmpty()) {
                    it.remove();
                }
            }
        }
        List<SplitT> latest = uncheckpointed.remove(subtask);
        if (latest != null) {
            result.addAll(latest);
        }
        return result;
    }

    /** Forgets everything (the enumerator was recreated from a checkpoint). */
    void clear() {
        byCheckpoint.clear();
        uncheckpointed = new HashMap<>();
    }
}

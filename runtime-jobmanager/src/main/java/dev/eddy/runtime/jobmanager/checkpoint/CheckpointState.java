package dev.eddy.runtime.jobmanager.checkpoint;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of one checkpoint or savepoint in the coordinator, with its legal transitions:
 *
 * <pre>
 * PENDING ──all tasks acknowledged, _metadata written──▶ COMPLETED
 * PENDING ──decline / trigger refused / timeout / subsumed / job left RUNNING / metadata write failed──▶ ABORTED
 * </pre>
 */
public enum CheckpointState {
    PENDING,
    COMPLETED,
    ABORTED;

    private static final Map<CheckpointState, Set<CheckpointState>> LEGAL = new EnumMap<>(CheckpointState.class);

    static {
        LEGAL.put(PENDING, EnumSet.of(COMPLETED, ABORTED));
        LEGAL.put(COMPLETED, EnumSet.noneOf(CheckpointState.class));
        LEGAL.put(ABORTED, EnumSet.noneOf(CheckpointState.class));
    }

    public boolean canTransitionTo(CheckpointState target) {
        return LEGAL.get(this).contains(target);
    }

    public boolean isTerminal() {
        return LEGAL.get(this).isEmpty();
    }
}

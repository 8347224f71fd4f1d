package dev.eddy.runtime.jobmanager.jobmaster;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of one execution attempt of a subtask, as the JobMaster tracks it. CREATED and
 * SCHEDULED are JobMaster-only (waiting for slots, slot assigned); DEPLOYING is set when the
 * descriptor is sent; later states come from the TaskManager, except CANCELING, which the JobMaster
 * sets when it asks the TaskManager to cancel. A canceling task may still report FINISHED or FAILED.
 */
public enum ExecutionState {
    CREATED,
    SCHEDULED,
    DEPLOYING,
    INITIALIZING,
    RUNNING,
    FINISHED,
    CANCELING,
    CANCELED,
    FAILED;

    private static final Map<ExecutionState, Set<ExecutionState>> LEGAL = new EnumMap<>(ExecutionState.class);

    static {
        LEGAL.put(CREATED, EnumSet.of(SCHEDULED, CANCELED, FAILED));
        LEGAL.put(SCHEDULED, EnumSet.of(DEPLOYING, CANCELED, FAILED));
        LEGAL.put(DEPLOYING, EnumSet.of(INITIALIZING, RUNNING, FINISHED, CANCELING, CANCELED, FAILED));
        LEGAL.put(INITIALIZING, EnumSet.of(RUNNING, FINISHED, CANCELING, CANCELED, FAILED));
        LEGAL.put(RUNNING, EnumSet.of(FINISHED, CANCELING, CANCELED, FAILED));
        LEGAL.put(CANCELING, EnumSet.of(CANCELED, FINISHED, FAILED));
        LEGAL.put(FINISHED, EnumSet.noneOf(ExecutionState.class));
        LEGAL.put(CANCELED, EnumSet.noneOf(ExecutionState.class));
        LEGAL.put(FAILED, EnumSet.noneOf(ExecutionState.class));
    }

    public boolean canTransitionTo(ExecutionState target) {
        return LEGAL.get(this).contains(target);
    }

    public boolean isTerminal() {
        return LEGAL.get(this).isEmpty();
    }

    /** Deployed to a TaskManager and not yet terminal: a cancel must go to the TaskManager. */
    public boolean isOnTaskManager() {
        return this == DEPLOYING || this == INITIALIZING || this == RUNNING || this == CANCELING;
    }
}

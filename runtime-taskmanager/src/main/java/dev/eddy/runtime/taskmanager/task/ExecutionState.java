package dev.eddy.runtime.taskmanager.task;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of one task attempt on a TaskManager. The names match the {@code state} strings of
 * {@code TaskExecutionStateProto}. Legal moves:
 *
 * <pre>
 * CREATED -&gt; DEPLOYING -&gt; INITIALIZING -&gt; RUNNING -&gt; FINISHED
 * DEPLOYING | INITIALIZING | RUNNING -&gt; CANCELING -&gt; CANCELED
 * CREATED -&gt; CANCELED (cancelled before its thread ran)
 * CREATED | DEPLOYING | INITIALIZING | RUNNING -&gt; FAILED
 * </pre>
 *
 * FINISHED, CANCELED and FAILED are terminal. CREATED and CANCELING are never reported to the
 * JobMaster (its protocol has no such states).
 */
public enum ExecutionState {
    CREATED,
    DEPLOYING,
    INITIALIZING,
    RUNNING,
    FINISHED,
    CANCELING,
    CANCELED,
    FAILED;

    private static final Map<ExecutionState, Set<ExecutionState>> LEGAL = Map.of(
            CREATED, EnumSet.of(DEPLOYING, CANCELED, FAILED),
            DEPLOYING, EnumSet.of(INITIALIZING, CANCELING, FAILED),
            INITIALIZING, EnumSet.of(RUNNING, CANCELING, FAILED),
            RUNNING, EnumSet.of(FINISHED, CANCELING, FAILED),
            CANCELING, EnumSet.of(CANCELED),
            FINISHED, EnumSet.noneOf(ExecutionState.class),
            CANCELED, EnumSet.noneOf(ExecutionState.class),
            FAILED, EnumSet.noneOf(ExecutionState.class));

    public boolean canTransitionTo(ExecutionState target) {
        return LEGAL.get(this).contains(target);
    }

    public boolean isTerminal() {
        return this == FINISHED || this == CANCELED || this == FAILED;
    }

    /** Whether the JobMaster is told about this state. */
    public boolean isReported() {
        return this != CREATED && this != CANCELING;
    }
}

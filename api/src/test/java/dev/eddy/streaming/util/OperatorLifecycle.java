package dev.eddy.streaming.util;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The operator lifecycle the harness enforces, as the task does: setup, open, input calls,
 * finish at end of input, close always (also after a failed open or processing).
 */
public enum OperatorLifecycle {
    CREATED, SET_UP, OPEN, FINISHED, CLOSED;

    private static final Map<OperatorLifecycle, Set<OperatorLifecycle>> LEGAL = Map.of(
            CREATED, EnumSet.of(SET_UP),
            SET_UP, EnumSet.of(OPEN, CLOSED),
            OPEN, EnumSet.of(FINISHED, CLOSED),
            FINISHED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(OperatorLifecycle.class));

    public boolean canTransitionTo(OperatorLifecycle next) {
        return LEGAL.get(this).contains(next);
    }

    /** @throws IllegalStateException naming both states if the transition is not legal */
    public OperatorLifecycle transitionTo(OperatorLifecycle next) {
        if (!canTransitionTo(next)) {
            throw new IllegalStateException("Illegal operator lifecycle transition " + this + " -> " + next
                    + "; legal from " + this + ": " + LEGAL.get(this));
        }
        return next;
    }

    /** Whether records, watermarks and timers may be delivered. */
    public boolean acceptsInput() {
        return this == OPEN;
    }
}

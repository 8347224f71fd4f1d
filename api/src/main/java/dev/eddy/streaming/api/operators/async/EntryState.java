package dev.eddy.streaming.api.operators.async;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of one input record in the async operator's queue. Task thread only.
 *
 * <pre>
 *   IN_FLIGHT --(result, retry wanted)--&gt; RETRY_WAIT --(backoff timer or timeout)--&gt; IN_FLIGHT
 *   IN_FLIGHT --(final result)--&gt; DONE --(emitted)--&gt; EMITTED
 * </pre>
 *
 * A record leaves the queue when EMITTED. Errors that are not retried fail the task instead.
 */
public enum EntryState {
    /** An attempt was started and its ResultFuture is not completed yet. */
    IN_FLIGHT,
    /** An attempt asked for a retry; the backoff timer is pending. */
    RETRY_WAIT,
    /** The results are final and wait for their turn to be emitted. */
    DONE,
    /** The results went downstream; the entry is out of the queue. */
    EMITTED;

    private static final Map<EntryState, Set<EntryState>> LEGAL = Map.of(
            IN_FLIGHT, EnumSet.of(RETRY_WAIT, DONE),
            RETRY_WAIT, EnumSet.of(IN_FLIGHT),
            DONE, EnumSet.of(EMITTED),
            EMITTED, EnumSet.noneOf(EntryState.class));

    /** True when moving from this state to {@code next} is legal. */
    public boolean canTransitionTo(EntryState next) {
        return LEGAL.get(this).contains(next);
    }

    /** Returns {@code next} if the transition is legal, else throws naming both states. */
    public EntryState transitionTo(EntryState next) {
        if (!canTransitionTo(next)) {
            throw new IllegalStateException("Illegal async entry transition " + this + " -> " + next);
        }
        return next;
    }
}

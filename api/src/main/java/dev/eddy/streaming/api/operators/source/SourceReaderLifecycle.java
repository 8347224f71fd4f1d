package dev.eddy.streaming.api.operators.source;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a {@link SourceReaderOperator}, with its legal transitions. Task thread only.
 *
 * <pre>
 * CREATED -> SET_UP -> OPEN -> RUNNING -> END_OF_INPUT -> FINISHED -> CLOSED
 *                                     \-> CANCELLED ----------------/
 * </pre>
 * CLOSED is reachable from every state (close runs also after failures).
 */
final class SourceReaderLifecycle {
    enum State { CREATED, SET_UP, OPEN, RUNNING, END_OF_INPUT, CANCELLED, FINISHED, CLOSED }

    private static final Map<State, Set<State>> LEGAL = Map.of(
            State.CREATED, EnumSet.of(State.SET_UP, State.CLOSED),
            State.SET_UP, EnumSet.of(State.OPEN, State.CLOSED),
            State.OPEN, EnumSet.of(State.RUNNING, State.CLOSED),
            State.RUNNING, EnumSet.of(State.END_OF_INPUT, State.CANCELLED, State.CLOSED),
            State.END_OF_INPUT, EnumSet.of(State.FINISHED, State.CLOSED),
            State.CANCELLED, EnumSet.of(State.FINISHED, State.CLOSED),
            State.FINISHED, EnumSet.of(State.CLOSED),
            State.CLOSED, EnumSet.noneOf(State.class));

    private State state = State.CREATED;

    static boolean isLegal(State from, State to) {
        return LEGAL.get(from).contains(to);
    }

    State state() {
        return state;
    }

    boolean isRunningOrOpen() {
        return state == State.OPEN || state == State.RUNNING;
    }

    void moveTo(State next) {
        if (!isLegal(state, next)) {
            throw new IllegalStateException("Source operator cannot go from " + state + " to " + next
                    + " (legal: " + LEGAL.get(state) + "); the task must call setup, open, run, finish, close in order");
        }
        state = next;
    }
}

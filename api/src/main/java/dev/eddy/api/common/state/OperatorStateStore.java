package dev.eddy.api.common.state;

import java.util.Set;

/**
 * Non-keyed state of one operator subtask, in named lists. Task thread only.
 *
 * <p>Redistribution on restore (also at another parallelism): a {@link #getListState split list}
 * is the union of all subtasks' elements split evenly in order; a {@link #getUnionListState union
 * list} gives every subtask all elements of all subtasks.
 */
public interface OperatorStateStore {
    /** A list state whose elements are split among subtasks on restore. */
    <S> ListState<S> getListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

    /** A list state of which every subtask gets every element on restore. */
    <S> ListState<S> getUnionListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

    /**
     * The broadcast state of {@code stateDescriptor}: a map every subtask holds in full. Each
     * subtask snapshots its copy; on restore (at any parallelism) every subtask gets one copy.
     * Calls with the same descriptor name return the same state. A name is either a list state
     * or a broadcast state.
     */
    default <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support broadcast state ('"
                + stateDescriptor.getName() + "')");
    }

    Set<String> getRegisteredStateNames();
}

package dev.eddy.runtime.state;

import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;

/**
 * Keyed state of one subtask, for the key groups in {@link #getKeyGroupRange()}. The runtime sets
 * the current key before each keyed record; state objects it returns read and write for that key.
 * Task thread only.
 */
public interface KeyedStateBackend<K> {
    void setCurrentKey(K key);

    K getCurrentKey();

    /** The key group of the current key. */
    int getCurrentKeyGroupIndex();

    KeyGroupRange getKeyGroupRange();

    int getNumberOfKeyGroups();

    /** The state object for a descriptor (the same object on every call with an equal descriptor). */
    <S extends State, T> S getPartitionedState(StateDescriptor<S, T> descriptor) throws Exception;

    /**
     * The serializer of the keys, or null when unknown. Operators that write their own keyed data
     * into snapshots (e.g. timers) need it.
     */
    default dev.eddy.api.common.typeutils.TypeSerializer<K> getKeySerializer() {
        return null;
    }

    /** Releases resources. */
    void dispose();
}

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
     * The state object for a descriptor in namespaces of type {@code N}: the same object on every
     * call with an equal descriptor; it implements the matching
     * {@code dev.eddy.runtime.state.internal.Internal*State}, whose
     * {@link dev.eddy.runtime.state.internal.InternalKvState#setCurrentNamespace} picks the
     * namespace (initially none: set one before use). A state name is registered with one
     * namespace serializer only; {@link #getPartitionedState(StateDescriptor)} is this with
     * {@link VoidNamespaceSerializer} and the namespace set to {@link VoidNamespace}. Namespaces
     * are written after the key (in RocksDB keys and in snapshots), so {@code VoidNamespace}
     * state has the bytes it had before namespaces existed.
     */
    default <N, S extends State, T> S getOrCreateKeyedState(
            dev.eddy.api.common.typeutils.TypeSerializer<N> namespaceSerializer, StateDescriptor<S, T> descriptor)
            throws Exception {
        throw new UnsupportedOperationException("STUB: namespaced keyed state is not implemented yet by "
                + getClass().getSimpleName());
    }

    /** {@link #getOrCreateKeyedState} with the namespace set to {@code namespace}. */
    @SuppressWarnings("unchecked")
    default <N, S extends State, T> S getPartitionedState(
            N namespace, dev.eddy.api.common.typeutils.TypeSerializer<N> namespaceSerializer, StateDescriptor<S, T> descriptor)
            throws Exception {
        S state = getOrCreateKeyedState(namespaceSerializer, descriptor);
        ((dev.eddy.runtime.state.internal.InternalKvState<K, N, ?>) state).setCurrentNamespace(namespace);
        return state;
    }

    /**
     * Applies {@code function} to the state of {@code descriptor} in {@code namespace} of every key
     * of this backend that has such state: keys whose state is empty, cleared or whose values have
     * all expired (TTL) are skipped, and a key with several map entries is visited once. For each
     * key the backend's current key is set to it and {@code function} gets the key and the state
     * object (the one {@link #getPartitionedState(Object, dev.eddy.api.common.typeutils.TypeSerializer,
     * StateDescriptor)} returns, scoped to {@code namespace}); the function may read, update or
     * clear that state. The order of keys is unspecified. Afterwards the previous current key is
     * set again (also when the function throws); the state stays scoped to {@code namespace}.
     *
     * <p>Task thread only, and not from inside {@code function}. Keys whose state the function
     * creates during the iteration are not visited.
     *
     * @throws UnsupportedOperationException when the backend does not support it
     */
    default <N, S extends State, T> void applyToAllKeys(N namespace,
            dev.eddy.api.common.typeutils.TypeSerializer<N> namespaceSerializer, StateDescriptor<S, T> descriptor,
            KeyedStateFunction<K, S> function) throws Exception {
        throw new UnsupportedOperationException("The keyed state backend " + getClass().getSimpleName()
                + " cannot apply a function to the state '" + descriptor.getName() + "' of all keys");
    }

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

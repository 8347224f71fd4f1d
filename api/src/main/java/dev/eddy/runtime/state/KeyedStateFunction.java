package dev.eddy.runtime.state;

import dev.eddy.api.common.state.State;

/**
 * A function applied to the state of one key by
 * {@link KeyedStateBackend#applyToAllKeys} (and so by
 * {@code KeyedBroadcastProcessFunction.Context#applyToKeyedState}). Called on the task thread,
 * once per key that has state, with the backend's current key set to {@code key}: {@code state}
 * reads and writes that key's state, and may be updated or cleared.
 *
 * @param <K> the key type
 * @param <S> the state type
 */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
    /** Processes the state of {@code key}; an exception stops the iteration and is rethrown. */
    void process(K key, S state) throws Exception;
}

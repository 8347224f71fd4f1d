package dev.eddy.streaming.api.operators.co;

import dev.eddy.api.common.state.BroadcastState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.OperatorStateStore;
import dev.eddy.api.common.state.ReadOnlyBroadcastState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states declared for one broadcast operator ({@code broadcast(descriptors...)}),
 * created or restored from the operator state store in {@code initializeState} and looked up by
 * descriptor name afterwards. Task thread only.
 */
final class BroadcastStates {
    private final Map<String, BroadcastState<?, ?>> states = new HashMap<>();

    BroadcastStates(OperatorStateStore store, List<MapStateDescriptor<?, ?>> descriptors) throws Exception {
        for (MapStateDescriptor<?, ?> d : descriptors) {
            states.put(d.getName(), store.getBroadcastState(d));
        }
    }

    @SuppressWarnings("unchecked")
    <K, V> BroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor) {
        BroadcastState<?, ?> state = states.get(descriptor.getName());
        if (state == null) {
            throw new IllegalArgumentException("The requested broadcast state '" + descriptor.getName()
                    + "' was not declared; pass its descriptor to DataStream.broadcast(...). Declared: " + states.keySet());
        }
        return (BroadcastState<K, V>) state;
    }

    <K, V> ReadOnlyBroadcastState<K, V> getReadOnly(MapStateDescriptor<K, V> descriptor) {
        BroadcastState<K, V> state = get(descriptor);
        return new ReadOnlyBroadcastState<>() {
            @Override
            public V get(K key) throws Exception {
                return state.get(key);
            }

            @Override
            public boolean contains(K key) throws Exception {
                return state.contains(key);
            }

            @Override
            public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
                return state.immutableEntries();
            }

            @Override
            public void clear() {
                throw new UnsupportedOperationException("Broadcast state '" + descriptor.getName()
                        + "' is read-only on the non-broadcast side; change it in processBroadcastElement");
            }
        };
    }
}

package dev.eddy.streaming.util;

import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.state.KeyedStateBackend;
import java.util.HashMap;
import java.util.Map;

/** A map-backed keyed backend for operator tests: value state only. */
public final class TestKeyedStateBackend implements KeyedStateBackend<Object> {
    private final int maxParallelism;
    private final KeyGroupRange range;
    private final Map<String, Map<Object, Object>> tables = new HashMap<>();
    private final Map<String, State> states = new HashMap<>();
    private Object currentKey;

    public TestKeyedStateBackend(int maxParallelism, KeyGroupRange range) {
        this.maxParallelism = maxParallelism;
        this.range = range;
    }

    @Override
    public void setCurrentKey(Object key) {
        int group = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (!range.contains(group)) {
            throw new IllegalArgumentException("Key " + key + " (key group " + group + ") is not in " + range);
        }
        currentKey = key;
    }

    @Override
    public Object getCurrentKey() {
        return currentKey;
    }

    @Override
    public int getCurrentKeyGroupIndex() {
        return KeyGroupRangeAssignment.assignToKeyGroup(currentKey, maxParallelism);
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return range;
    }

    @Override
    public int getNumberOfKeyGroups() {
        return maxParallelism;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State, T> S getPartitionedState(StateDescriptor<S, T> descriptor) {
        if (descriptor.getType() != StateDescriptor.Type.VALUE) {
            throw new UnsupportedOperationException("The test backend supports value state only");
        }
        return (S) states.computeIfAbsent(descriptor.getName(), name -> new TestValueState<>(
                tables.computeIfAbsent(name, n -> new HashMap<>())));
    }

    /** Every key's value of a state. */
    public Map<Object, Object> getTable(String stateName) {
        return tables.getOrDefault(stateName, Map.of());
    }

    @Override
    public void dispose() {
        tables.clear();
        states.clear();
    }

    private final class TestValueState<T> implements ValueState<T> {
        private final Map<Object, Object> table;

        TestValueState(Map<Object, Object> table) {
            this.table = table;
        }

        private Object key() {
            if (currentKey == null) {
                throw new IllegalStateException("No current key set: keyed state accessed outside a keyed context");
            }
            return currentKey;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T value() {
            return (T) table.get(key());
        }

        @Override
        public void update(T value) {
            if (value == null) {
                table.remove(key());
            } else {
                table.put(key(), value);
            }
        }

        @Override
        public void clear() {
            table.remove(key());
        }
    }
}

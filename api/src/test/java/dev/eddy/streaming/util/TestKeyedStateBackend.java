package dev.eddy.streaming.util;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.state.AggregatingState;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A map-backed keyed backend for operator tests: every state kind, one plain map per state name. */
public final class TestKeyedStateBackend implements KeyedStateBackend<Object> {
    private final int maxParallelism;
    private final KeyGroupRange range;
    private final Map<String, Map<Object, Object>> tables = new HashMap<>();
    private final Map<String, State> states = new HashMap<>();
    private final Map<String, StateDescriptor.Type> kinds = new HashMap<>();
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
        StateDescriptor.Type known = kinds.putIfAbsent(descriptor.getName(), descriptor.getType());
        if (known != null && known != descriptor.getType()) {
            throw new IllegalStateException("State '" + descriptor.getName() + "' was registered as " + known
                    + " state and is now requested as " + descriptor.getType() + " state; use a different name");
        }
        return (S) states.computeIfAbsent(descriptor.getName(), name -> createState(descriptor,
                tables.computeIfAbsent(name, n -> new HashMap<>())));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private State createState(StateDescriptor<?, ?> descriptor, Map<Object, Object> table) {
        switch (descriptor.getType()) {
            case VALUE:
                return new TestValueState<>(table);
            case LIST:
                return new TestListState<>(table);
            case MAP:
                return new TestMapState<>(table);
            case REDUCING:
                return new TestReducingState<>(table, ((ReducingStateDescriptor) descriptor).getReduceFunction());
            case AGGREGATING:
                return new TestAggregatingState<>(table, ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
            default:
                throw new UnsupportedOperationException("The test backend does not support " + descriptor.getType() + " state");
        }
    }

    /** Every key's value of a state. */
    public Map<Object, Object> getTable(String stateName) {
        return tables.getOrDefault(stateName, Map.of());
    }

    @Override
    public void dispose() {
        tables.clear();
        states.clear();
        kinds.clear();
    }

    private Object key() {
        if (currentKey == null) {
            throw new IllegalStateException("No current key set: keyed state accessed outside a keyed context");
        }
        return currentKey;
    }

    private final class TestValueState<T> implements ValueState<T> {
        private final Map<Object, Object> table;

        TestValueState(Map<Object, Object> table) {
            this.table = table;
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

    private final class TestListState<T> implements ListState<T> {
        private final Map<Object, Object> table;

        TestListState(Map<Object, Object> table) {
            this.table = table;
        }

        @SuppressWarnings("unchecked")
        private List<T> list() {
            return (List<T>) table.get(key());
        }

        @Override
        public Iterable<T> get() {
            List<T> l = list();
            return l == null ? List.of() : List.copyOf(l);
        }

        @Override
        public void add(T value) {
            Objects.requireNonNull(value, "null added to a ListState");
            addAll(List.of(value));
        }

        @Override
        public void update(List<T> values) {
            clear();
            addAll(values);
        }

        @Override
        public void addAll(List<T> values) {
            if (values == null || values.isEmpty()) {
                return;
            }
            List<T> l = list();
            if (l == null) {
                l = new ArrayList<>();
                table.put(key(), l);
            }
            for (T v : values) {
                l.add(Objects.requireNonNull(v, "null added to a ListState"));
            }
        }

        @Override
        public void clear() {
            table.remove(key());
        }
    }

    private final class TestMapState<UK, UV> implements MapState<UK, UV> {
        private final Map<Object, Object> table;

        TestMapState(Map<Object, Object> table) {
            this.table = table;
        }

        /** The current key's map for writing, created when absent. */
        @SuppressWarnings("unchecked")
        private Map<UK, UV> map() {
            return (Map<UK, UV>) table.computeIfAbsent(key(), k -> new HashMap<>());
        }

        /** The current key's map for reading; an absent map reads as empty and is not created. */
        @SuppressWarnings("unchecked")
        private Map<UK, UV> read() {
            Map<UK, UV> m = (Map<UK, UV>) table.get(key());
            return m == null ? Map.of() : m;
        }

        @Override
        public UV get(UK key) {
            return read().get(key);
        }

        @Override
        public void put(UK key, UV value) {
            map().put(key, value);
        }

        @Override
        public void putAll(Map<UK, UV> m) {
            if (m != null) {
                map().putAll(m);
            }
        }

        @Override
        public void remove(UK key) {
            Map<UK, UV> m = read();
            if (m.containsKey(key)) {
                m.remove(key);
                if (m.isEmpty()) {
                    table.remove(key());
                }
            }
        }

        @Override
        public boolean contains(UK key) {
            return read().containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<UK, UV>> entries() {
            return read().entrySet();
        }

        @Override
        public Iterable<UK> keys() {
            return read().keySet();
        }

        @Override
        public Iterable<UV> values() {
            return read().values();
        }

        @Override
        public Iterator<Map.Entry<UK, UV>> iterator() {
            return read().entrySet().iterator();
        }

        @Override
        public boolean isEmpty() {
            return read().isEmpty();
        }

        @Override
        public void clear() {
            table.remove(key());
        }
    }

    private final class TestReducingState<T> implements ReducingState<T> {
        private final Map<Object, Object> table;
        private final ReduceFunction<T> reduce;

        TestReducingState(Map<Object, Object> table, ReduceFunction<T> reduce) {
            this.table = table;
            this.reduce = reduce;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get() {
            return (T) table.get(key());
        }

        @Override
        public void add(T value) throws Exception {
            T current = get();
            table.put(key(), current == null ? value : reduce.reduce(current, value));
        }

        @Override
        public void clear() {
            table.remove(key());
        }
    }

    private final class TestAggregatingState<IN, ACC, OUT> implements AggregatingState<IN, OUT> {
        private final Map<Object, Object> table;
        private final AggregateFunction<IN, ACC, OUT> agg;

        TestAggregatingState(Map<Object, Object> table, AggregateFunction<IN, ACC, OUT> agg) {
            this.table = table;
            this.agg = agg;
        }

        @Override
        @SuppressWarnings("unchecked")
        public OUT get() {
            ACC acc = (ACC) table.get(key());
            return acc == null ? null : agg.getResult(acc);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void add(IN value) {
            ACC acc = (ACC) table.get(key());
            table.put(key(), agg.add(value, acc == null ? agg.createAccumulator() : acc));
        }

        @Override
        public void clear() {
            table.remove(key());
        }
    }
}

package dev.eddy.connector.testing;

import dev.eddy.api.common.state.KeyedStateStore;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.OperatorStateStore;
import dev.eddy.runtime.state.KeyGroupStatePartitionStreamProvider;
import dev.eddy.runtime.state.KeyedStateCheckpointOutputStream;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.StateSnapshotContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An in-memory {@link OperatorStateStore} for operator tests: a list per state name. A snapshot
 * is a copy of the lists; {@link #restore} builds the store of one new subtask from the snapshots
 * of all old subtasks, redistributing like the runtime (split lists: concatenated in subtask order
 * and cut into contiguous, even chunks; union lists: everything to everyone).
 */
public final class TestOperatorStateStore implements OperatorStateStore {
    private final Map<String, Entry> states = new LinkedHashMap<>();
    private final boolean restored;
    private final long restoredCheckpointId;

    public TestOperatorStateStore() {
        this(false, -1);
    }

    private TestOperatorStateStore(boolean restored, long restoredCheckpointId) {
        this.restored = restored;
        this.restoredCheckpointId = restoredCheckpointId;
    }

    /** The state of one subtask at one checkpoint. */
    public static final class Snapshot {
        final long checkpointId;
        final Map<String, Entry> states;

        Snapshot(long checkpointId, Map<String, Entry> states) {
            this.checkpointId = checkpointId;
            this.states = states;
        }

        public List<Object> list(String name) {
            Entry e = states.get(name);
            return e == null ? List.of() : e.values;
        }
    }

    static final class Entry {
        final boolean union;
        final List<Object> values;

        Entry(boolean union, List<Object> values) {
            this.union = union;
            this.values = values;
        }
    }

    public Snapshot snapshot(long checkpointId) {
        Map<String, Entry> copy = new LinkedHashMap<>();
        states.forEach((name, e) -> copy.put(name, new Entry(e.union, new ArrayList<>(e.values))));
        return new Snapshot(checkpointId, copy);
    }

    /** The store of subtask {@code index} of {@code parallelism} restored from all old subtasks' snapshots. */
    public static TestOperatorStateStore restore(List<Snapshot> old, int parallelism, int index) {
        long id = old.isEmpty() ? -1 : old.get(0).checkpointId;
        TestOperatorStateStore store = new TestOperatorStateStore(true, id);
        Map<String, Boolean> union = new LinkedHashMap<>();
        Map<String, List<Object>> all = new LinkedHashMap<>();
        for (Snapshot s : old) {
            s.states.forEach((name, e) -> {
                union.put(name, e.union);
                all.computeIfAbsent(name, k -> new ArrayList<>()).addAll(e.values);
            });
        }
        all.forEach((name, values) -> {
            List<Object> mine;
            if (union.get(name)) {
                mine = new ArrayList<>(values);
            } else {
                int n = values.size();
                int start = (int) ((long) n * index / parallelism);
                int end = (int) ((long) n * (index + 1) / parallelism);
                mine = new ArrayList<>(values.subList(start, end));
            }
            store.states.put(name, new Entry(union.get(name), mine));
        });
        return store;
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
        return state(descriptor.getName(), false);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) {
        return state(descriptor.getName(), true);
    }

    @SuppressWarnings("unchecked")
    private <S> ListState<S> state(String name, boolean union) {
        Entry entry = states.computeIfAbsent(name, k -> new Entry(union, new ArrayList<>()));
        if (entry.union != union) {
            throw new IllegalStateException("State " + name + " registered as both split and union list");
        }
        List<Object> values = entry.values;
        return new ListState<>() {
            @Override
            public Iterable<S> get() {
                return (List<S>) new ArrayList<>(values);
            }

            @Override
            public void add(S value) {
                values.add(value);
            }

            @Override
            public void update(List<S> list) {
                values.clear();
                if (list != null) {
                    values.addAll(list);
                }
            }

            @Override
            public void addAll(List<S> list) {
                if (list != null) {
                    values.addAll(list);
                }
            }

            @Override
            public void clear() {
                values.clear();
            }
        };
    }

    @Override
    public Set<String> getRegisteredStateNames() {
        return states.keySet();
    }

    public StateInitializationContext initializationContext() {
        TestOperatorStateStore self = this;
        return new StateInitializationContext() {
            @Override
            public Iterable<KeyGroupStatePartitionStreamProvider> getRawKeyedStateInputs() {
                return List.of();
            }

            @Override
            public boolean isRestored() {
                return restored;
            }

            @Override
            public OptionalLong getRestoredCheckpointId() {
                return restored ? OptionalLong.of(restoredCheckpointId) : OptionalLong.empty();
            }

            @Override
            public OperatorStateStore getOperatorStateStore() {
                return self;
            }

            @Override
            public KeyedStateStore getKeyedStateStore() {
                return null;
            }
        };
    }

    public static StateSnapshotContext snapshotContext(long checkpointId) {
        return new StateSnapshotContext() {
            @Override
            public KeyedStateCheckpointOutputStream getRawKeyedOperatorStateOutput() {
                throw new UnsupportedOperationException("no raw keyed state in operator tests");
            }

            @Override
            public long getCheckpointId() {
                return checkpointId;
            }

            @Override
            public long getCheckpointTimestamp() {
                return 0;
            }
        };
    }
}

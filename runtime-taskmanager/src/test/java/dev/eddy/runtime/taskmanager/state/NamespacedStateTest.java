package dev.eddy.runtime.taskmanager.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.LongSerializer;
import dev.eddy.api.common.typeutils.base.StringSerializer;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.state.VoidNamespace;
import dev.eddy.runtime.state.VoidNamespaceSerializer;
import dev.eddy.runtime.state.internal.InternalAggregatingState;
import dev.eddy.runtime.state.internal.InternalListState;
import dev.eddy.runtime.state.internal.InternalMapState;
import dev.eddy.runtime.state.internal.InternalReducingState;
import dev.eddy.runtime.state.internal.InternalValueState;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.state.heap.HeapKeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.rocksdb.RocksDBKeyedStateBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Namespaced keyed state (what window operators use) behaves the same on every backend: namespaces
 * of one key are independent, merge and clear per namespace, map iteration stays inside its
 * namespace, and snapshots carry namespaces through restore, rescaling and a change of backend.
 */
class NamespacedStateTest {
    private static final int MAX_PARALLELISM = 128;

    @TempDir
    Path tmp;
    private final List<SnapshotableKeyedStateBackend<?>> created = new ArrayList<>();
    private int checkpointIds;

    /** Which backend a test runs on; RocksDB with canonical or incremental checkpoints. */
    enum Kind {
        HEAP, ROCKSDB, ROCKSDB_INCREMENTAL
    }

    static Stream<Kind> kinds() {
        return Stream.of(Kind.HEAP, Kind.ROCKSDB, Kind.ROCKSDB_INCREMENTAL);
    }

    static Stream<Arguments> crossBackend() {
        List<Arguments> pairs = new ArrayList<>();
        for (Kind from : Kind.values()) {
            for (Kind to : Kind.values()) {
                boolean incrementalIntoHeap = from == Kind.ROCKSDB_INCREMENTAL && to == Kind.HEAP;
                if (from != to && !incrementalIntoHeap) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @AfterEach
    void dispose() {
        created.forEach(SnapshotableKeyedStateBackend::dispose);
    }

    private SnapshotableKeyedStateBackend<Long> backend(Kind kind, int parallelism, int index) {
        SnapshotableKeyedStateBackend<Long> b = switch (kind) {
            case HEAP -> HeapKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, MAX_PARALLELISM, parallelism, index);
            case ROCKSDB, ROCKSDB_INCREMENTAL -> RocksDBKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, MAX_PARALLELISM, parallelism,
                    index, tmp.resolve("local"), "ns-" + parallelism + "-" + index, kind == Kind.ROCKSDB_INCREMENTAL);
        };
        created.add(b);
        return b;
    }

    private SnapshotableKeyedStateBackend<Long> backend(Kind kind) {
        return backend(kind, 1, 0);
    }

    // ---- descriptors ----

    private static ValueStateDescriptor<String> valueDesc() {
        return new ValueStateDescriptor<>("value", String.class);
    }

    private static ListStateDescriptor<Long> listDesc() {
        return new ListStateDescriptor<>("list", Long.class);
    }

    private static ReducingStateDescriptor<Long> reducingDesc() {
        return new ReducingStateDescriptor<>("reducing", Long::sum, Long.class);
    }

    private static AggregatingStateDescriptor<Long, long[], Long> aggregatingDesc() {
        return new AggregatingStateDescriptor<>("aggregating", new CountAndSum(), long[].class);
    }

    private static MapStateDescriptor<String, Integer> mapDesc() {
        return new MapStateDescriptor<>("map", String.class, Integer.class);
    }

    /** Accumulator {count, sum}; result count * 1000 + sum, so merges are visible in both fields. */
    static final class CountAndSum implements AggregateFunction<Long, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0]++;
            acc[1] += value;
            return acc;
        }

        @Override
        public Long getResult(long[] acc) {
            return acc[0] * 1000 + acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    @SuppressWarnings("unchecked")
    private static <N> InternalValueState<Long, N, String> value(SnapshotableKeyedStateBackend<Long> b, TypeSerializer<N> ns)
            throws Exception {
        return (InternalValueState<Long, N, String>) b.getOrCreateKeyedState(ns, valueDesc());
    }

    @SuppressWarnings("unchecked")
    private static InternalListState<Long, Long, Long> list(SnapshotableKeyedStateBackend<Long> b) throws Exception {
        return (InternalListState<Long, Long, Long>) b.getOrCreateKeyedState(LongSerializer.INSTANCE, listDesc());
    }

    @SuppressWarnings("unchecked")
    private static InternalReducingState<Long, Long, Long> reducing(SnapshotableKeyedStateBackend<Long> b) throws Exception {
        return (InternalReducingState<Long, Long, Long>) b.getOrCreateKeyedState(LongSerializer.INSTANCE, reducingDesc());
    }

    @SuppressWarnings("unchecked")
    private static InternalAggregatingState<Long, Long, Long, long[], Long> aggregating(SnapshotableKeyedStateBackend<Long> b)
            throws Exception {
        return (InternalAggregatingState<Long, Long, Long, long[], Long>) b.getOrCreateKeyedState(LongSerializer.INSTANCE, aggregatingDesc());
    }

    @SuppressWarnings("unchecked")
    private static <N> InternalMapState<Long, N, String, Integer> map(SnapshotableKeyedStateBackend<Long> b, TypeSerializer<N> ns)
            throws Exception {
        return (InternalMapState<Long, N, String, Integer>) b.getOrCreateKeyedState(ns, mapDesc());
    }

    private static <K, V> Map<K, V> toMap(Iterable<Map.Entry<K, V>> entries) {
        Map<K, V> m = new HashMap<>();
        entries.forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    // ---- behaviour ----

    @ParameterizedTest
    @MethodSource("kinds")
    void namespacesOfOneKeyAreIndependent(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        InternalValueState<Long, Long, String> value = value(b, LongSerializer.INSTANCE);
        b.setCurrentKey(1L);
        value.setCurrentNamespace(10L);
        value.update("ten");
        value.setCurrentNamespace(20L);
        assertThat(value.value()).isNull();
        value.update("twenty");
        b.setCurrentKey(2L);
        assertThat(value.value()).as("same namespace, other key").isNull();
        value.update("two-twenty");

        b.setCurrentKey(1L);
        value.setCurrentNamespace(10L);
        assertThat(value.value()).isEqualTo("ten");
        value.setCurrentNamespace(20L);
        assertThat(value.value()).isEqualTo("twenty");
        b.setCurrentKey(2L);
        assertThat(value.value()).isEqualTo("two-twenty");
        assertThat(b.getOrCreateKeyedState(LongSerializer.INSTANCE, valueDesc())).as("one object per descriptor").isSameAs(value);

        ValueState<String> viaDefault = b.getPartitionedState(30L, LongSerializer.INSTANCE, valueDesc());
        assertThat(viaDefault).isSameAs(value);
        assertThat(viaDefault.value()).isNull();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void voidNamespaceStateIsWhatGetPartitionedStateReturns(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        ValueState<String> plain = b.getPartitionedState(valueDesc());
        InternalValueState<Long, VoidNamespace, String> internal = value(b, VoidNamespaceSerializer.INSTANCE);
        assertThat(internal).isSameAs(plain);
        b.setCurrentKey(5L);
        plain.update("x");
        internal.setCurrentNamespace(VoidNamespace.INSTANCE);
        assertThat(internal.value()).isEqualTo("x");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStateNameHasOneNamespaceSerializer(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        value(b, LongSerializer.INSTANCE);
        assertThatThrownBy(() -> b.getPartitionedState(valueDesc())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'value'").hasMessageContaining("namespace serializer");
        assertThatThrownBy(() -> value(b, StringSerializer.INSTANCE)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void accessWithoutANamespaceFailsClearly(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        InternalValueState<Long, Long, String> value = value(b, LongSerializer.INSTANCE);
        b.setCurrentKey(1L);
        assertThatThrownBy(value::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("namespace");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void clearRemovesOnlyTheCurrentNamespace(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        InternalValueState<Long, Long, String> value = value(b, LongSerializer.INSTANCE);
        InternalListState<Long, Long, Long> list = list(b);
        InternalReducingState<Long, Long, Long> reducing = reducing(b);
        InternalAggregatingState<Long, Long, Long, long[], Long> aggregating = aggregating(b);
        InternalMapState<Long, Long, String, Integer> map = map(b, LongSerializer.INSTANCE);
        b.setCurrentKey(3L);
        for (long ns = 1; ns <= 2; ns++) {
            value.setCurrentNamespace(ns);
            list.setCurrentNamespace(ns);
            reducing.setCurrentNamespace(ns);
            aggregating.setCurrentNamespace(ns);
            map.setCurrentNamespace(ns);
            value.update("v" + ns);
            list.add(ns);
            reducing.add(ns);
            aggregating.add(ns);
            map.put("k", (int) ns);
        }
        value.setCurrentNamespace(1L);
        list.setCurrentNamespace(1L);
        reducing.setCurrentNamespace(1L);
        aggregating.setCurrentNamespace(1L);
        map.setCurrentNamespace(1L);
        value.clear();
        list.clear();
        reducing.clear();
        aggregating.clear();
        map.clear();
        assertThat(value.value()).isNull();
        assertThat(list.get()).isEmpty();
        assertThat(reducing.get()).isNull();
        assertThat(aggregating.get()).isNull();
        assertThat(map.isEmpty()).isTrue();

        value.setCurrentNamespace(2L);
        list.setCurrentNamespace(2L);
        reducing.setCurrentNamespace(2L);
        aggregating.setCurrentNamespace(2L);
        map.setCurrentNamespace(2L);
        assertThat(value.value()).isEqualTo("v2");
        assertThat(list.get()).containsExactly(2L);
        assertThat(reducing.get()).isEqualTo(2L);
        assertThat(aggregating.get()).isEqualTo(1002L);
        assertThat(toMap(map.entries())).containsExactly(Map.entry("k", 2));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void mergeNamespacesCombinesSourcesIntoTargetAndClearsThem(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        InternalListState<Long, Long, Long> list = list(b);
        InternalReducingState<Long, Long, Long> reducing = reducing(b);
        InternalAggregatingState<Long, Long, Long, long[], Long> aggregating = aggregating(b);
        b.setCurrentKey(7L);
        list.setCurrentNamespace(100L);
        list.add(0L); // the target's own value comes first
        for (long ns = 1; ns <= 3; ns++) {
            list.setCurrentNamespace(ns);
            reducing.setCurrentNamespace(ns);
            aggregating.setCurrentNamespace(ns);
            list.add(ns);
            list.add(ns * 10);
            reducing.add(ns);
            aggregating.add(ns);
        }
        list.setCurrentNamespace(2L);
        reducing.setCurrentNamespace(2L);
        aggregating.setCurrentNamespace(2L);

        list.mergeNamespaces(100L, List.of(1L, 3L, 4L));
        reducing.mergeNamespaces(100L, List.of(1L, 3L, 4L));
        aggregating.mergeNamespaces(100L, List.of(1L, 3L, 4L));

        assertThat(list.get()).as("current namespace is kept").containsExactly(2L, 20L);
        assertThat(reducing.get()).isEqualTo(2L);
        assertThat(aggregating.get()).isEqualTo(1002L);
        list.setCurrentNamespace(100L);
        reducing.setCurrentNamespace(100L);
        aggregating.setCurrentNamespace(100L);
        assertThat(list.get()).containsExactly(0L, 1L, 10L, 3L, 30L);
        assertThat(reducing.get()).isEqualTo(4L);
        assertThat(aggregating.get()).isEqualTo(2004L);
        for (long source : List.of(1L, 3L, 4L)) {
            list.setCurrentNamespace(source);
            reducing.setCurrentNamespace(source);
            aggregating.setCurrentNamespace(source);
            assertThat(list.getInternal()).isNull();
            assertThat(reducing.getInternal()).isNull();
            assertThat(aggregating.getInternal()).isNull();
        }

        // the target among the sources
        reducing.mergeNamespaces(2L, List.of(2L, 100L));
        reducing.setCurrentNamespace(2L);
        assertThat(reducing.get()).isEqualTo(6L);
        reducing.setCurrentNamespace(100L);
        assertThat(reducing.get()).isNull();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void getInternalAndUpdateInternalWorkOnTheStoredValue(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        InternalListState<Long, Long, Long> list = list(b);
        InternalAggregatingState<Long, Long, Long, long[], Long> aggregating = aggregating(b);
        b.setCurrentKey(1L);
        list.setCurrentNamespace(5L);
        aggregating.setCurrentNamespace(5L);
        assertThat(list.getInternal()).isNull();
        list.updateInternal(new ArrayList<>(List.of(4L, 5L)));
        assertThat(list.get()).containsExactly(4L, 5L);
        assertThat(list.getInternal()).containsExactly(4L, 5L);
        aggregating.updateInternal(new long[] {3, 30});
        assertThat(aggregating.get()).isEqualTo(3030L);
        assertThat(aggregating.getInternal()).containsExactly(3, 30);
        list.updateInternal(null);
        aggregating.updateInternal(null);
        assertThat(list.get()).isEmpty();
        assertThat(aggregating.get()).isNull();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void mapIterationStaysInsideItsNamespace(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        InternalMapState<Long, String, String, Integer> map = map(b, StringSerializer.INSTANCE);
        // "a" and "ab": variable-length namespaces where one is a prefix of the other as text
        b.setCurrentKey(9L);
        map.setCurrentNamespace("a");
        map.put("x", 1);
        map.put("y", null);
        map.setCurrentNamespace("ab");
        map.put("x", 2);
        map.setCurrentNamespace("");
        map.put("z", 3);
        b.setCurrentKey(10L);
        map.setCurrentNamespace("a");
        map.put("other-key", 4);

        b.setCurrentKey(9L);
        map.setCurrentNamespace("a");
        Map<String, Integer> expected = new HashMap<>();
        expected.put("x", 1);
        expected.put("y", null);
        assertThat(toMap(map.entries())).isEqualTo(expected);
        List<String> keys = new ArrayList<>();
        map.keys().forEach(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("x", "y");
        assertThat(map.get("x")).isEqualTo(1);
        assertThat(map.contains("y")).isTrue();
        map.setCurrentNamespace("ab");
        assertThat(toMap(map.entries())).containsExactly(Map.entry("x", 2));
        map.setCurrentNamespace("abc");
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.iterator().hasNext()).isFalse();

        map.setCurrentNamespace("a");
        map.clear();
        assertThat(map.isEmpty()).isTrue();
        map.setCurrentNamespace("ab");
        assertThat(toMap(map.entries())).containsExactly(Map.entry("x", 2));
        map.setCurrentNamespace("");
        assertThat(toMap(map.entries())).containsExactly(Map.entry("z", 3));
        b.setCurrentKey(10L);
        map.setCurrentNamespace("a");
        assertThat(toMap(map.entries())).containsExactly(Map.entry("other-key", 4));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void mapStateInLongNamespacesIteratesAndRemovesPerNamespace(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        InternalMapState<Long, Long, String, Integer> map = map(b, LongSerializer.INSTANCE);
        b.setCurrentKey(1L);
        for (long ns = 0; ns < 3; ns++) {
            map.setCurrentNamespace(ns);
            map.put("a", (int) ns);
            map.put("b", (int) ns + 10);
        }
        map.setCurrentNamespace(1L);
        var it = map.iterator();
        while (it.hasNext()) {
            if (it.next().getKey().equals("a")) {
                it.remove();
            }
        }
        assertThat(toMap(map.entries())).containsExactly(Map.entry("b", 11));
        map.setCurrentNamespace(0L);
        assertThat(toMap(map.entries())).containsOnly(Map.entry("a", 0), Map.entry("b", 10));
        map.setCurrentNamespace(2L);
        assertThat(toMap(map.entries())).containsOnly(Map.entry("a", 2), Map.entry("b", 12));
    }

    // ---- snapshots ----

    /** Writes namespaced entries of every kind (and one plain state) for {@code keys}. */
    private static void fill(SnapshotableKeyedStateBackend<Long> b, List<Long> keys) throws Exception {
        InternalValueState<Long, Long, String> value = value(b, LongSerializer.INSTANCE);
        InternalListState<Long, Long, Long> list = list(b);
        InternalReducingState<Long, Long, Long> reducing = reducing(b);
        InternalAggregatingState<Long, Long, Long, long[], Long> aggregating = aggregating(b);
        InternalMapState<Long, String, String, Integer> map = map(b, StringSerializer.INSTANCE);
        ValueState<Long> plain = b.getPartitionedState(new ValueStateDescriptor<>("plain", Long.class));
        for (long k : keys) {
            b.setCurrentKey(k);
            plain.update(k * 7);
            for (long ns = 1; ns <= 2; ns++) {
                value.setCurrentNamespace(ns);
                list.setCurrentNamespace(ns);
                reducing.setCurrentNamespace(ns);
                aggregating.setCurrentNamespace(ns);
                map.setCurrentNamespace(ns == 1 ? "w" : "ww");
                value.update(k + "@" + ns);
                list.add(k);
                list.add(ns);
                reducing.add(k);
                reducing.add(ns);
                aggregating.add(k * ns);
                map.put("k", (int) (k + ns));
                map.put("n", null);
            }
        }
    }

    private static void verify(SnapshotableKeyedStateBackend<Long> b, List<Long> keys) throws Exception {
        InternalValueState<Long, Long, String> value = value(b, LongSerializer.INSTANCE);
        InternalListState<Long, Long, Long> list = list(b);
        InternalReducingState<Long, Long, Long> reducing = reducing(b);
        InternalAggregatingState<Long, Long, Long, long[], Long> aggregating = aggregating(b);
        InternalMapState<Long, String, String, Integer> map = map(b, StringSerializer.INSTANCE);
        ValueState<Long> plain = b.getPartitionedState(new ValueStateDescriptor<>("plain", Long.class));
        for (long k : keys) {
            b.setCurrentKey(k);
            assertThat(plain.value()).isEqualTo(k * 7);
            for (long ns = 1; ns <= 2; ns++) {
                value.setCurrentNamespace(ns);
                list.setCurrentNamespace(ns);
                reducing.setCurrentNamespace(ns);
                aggregating.setCurrentNamespace(ns);
                map.setCurrentNamespace(ns == 1 ? "w" : "ww");
                assertThat(value.value()).isEqualTo(k + "@" + ns);
                assertThat(list.get()).containsExactly(k, ns);
                assertThat(reducing.get()).isEqualTo(k + ns);
                assertThat(aggregating.get()).isEqualTo(1000 + k * ns);
                Map<String, Integer> expected = new HashMap<>();
                expected.put("k", (int) (k + ns));
                expected.put("n", null);
                assertThat(toMap(map.entries())).as("map of key %d namespace %d", k, ns).isEqualTo(expected);
            }
            value.setCurrentNamespace(3L);
            assertThat(value.value()).isNull();
        }
    }

    private static List<Long> keysIn(KeyGroupRange range, long from, long to) {
        List<Long> keys = new ArrayList<>();
        for (long k = from; k < to; k++) {
            if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(k, MAX_PARALLELISM))) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** A savepoint for heap and canonical RocksDB, an (incremental) checkpoint for ROCKSDB_INCREMENTAL. */
    private KeyedStateHandleProto snapshot(Kind kind, SnapshotableKeyedStateBackend<Long> b) throws Exception {
        long id = ++checkpointIds;
        boolean savepoint = kind != Kind.ROCKSDB_INCREMENTAL;
        CheckpointOptions o = new CheckpointOptions(savepoint, true, tmp.resolve("snap-" + id + "-" + created.indexOf(b)),
                savepoint ? null : tmp.resolve("shared"), false);
        KeyedStateHandleProto handle = b.snapshot(id, o, CheckpointStreamFactory.forOptions(o)).run();
        assertThat(handle.hasIncremental()).isEqualTo(kind == Kind.ROCKSDB_INCREMENTAL);
        return handle;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void snapshotAndRestoreKeepNamespacedEntries(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> source = backend(kind);
        List<Long> keys = keysIn(source.getKeyGroupRange(), 0, 60);
        fill(source, keys);
        KeyedStateHandleProto handle = snapshot(kind, source);

        SnapshotableKeyedStateBackend<Long> restored = backend(kind);
        restored.restore(List.of(handle), tmp);
        verify(restored, keys);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void snapshotBeforeTheRestoredStateIsRegisteredKeepsItsNamespaces(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> source = backend(kind);
        List<Long> keys = keysIn(source.getKeyGroupRange(), 0, 40);
        fill(source, keys);
        SnapshotableKeyedStateBackend<Long> middle = backend(kind);
        middle.restore(List.of(snapshot(kind, source)), tmp);
        KeyedStateHandleProto again = snapshot(kind, middle); // nothing registered yet

        SnapshotableKeyedStateBackend<Long> restored = backend(kind);
        restored.restore(List.of(again), tmp);
        verify(restored, keys);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void rescalingFromTwoToThreeKeepsNamespacedEntries(Kind kind) throws Exception {
        List<KeyedStateHandleProto> handles = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            SnapshotableKeyedStateBackend<Long> b = backend(kind, 2, i);
            List<Long> keys = keysIn(b.getKeyGroupRange(), 0, 90);
            fill(b, keys);
            all.addAll(keys);
            handles.add(snapshot(kind, b));
        }
        int verified = 0;
        for (int i = 0; i < 3; i++) {
            SnapshotableKeyedStateBackend<Long> b = backend(kind, 3, i);
            b.restore(handles, tmp);
            List<Long> mine = keysIn(b.getKeyGroupRange(), 0, 90);
            verify(b, mine);
            verified += mine.size();
        }
        assertThat(verified).isEqualTo(all.size());
    }

    @ParameterizedTest
    @MethodSource("crossBackend")
    void namespacedStateRestoresIntoTheOtherBackend(Kind from, Kind to) throws Exception {
        SnapshotableKeyedStateBackend<Long> source = backend(from, 2, 1);
        List<Long> keys = keysIn(source.getKeyGroupRange(), 0, 80);
        fill(source, keys);
        KeyedStateHandleProto handle = snapshot(from, source);
        SnapshotableKeyedStateBackend<Long> restored = backend(to, 1, 0);
        restored.restore(List.of(handle), tmp);
        verify(restored, keys);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void restoredNamespacedStateCannotBeRequestedWithoutNamespace(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> source = backend(kind);
        fill(source, keysIn(source.getKeyGroupRange(), 0, 10));
        SnapshotableKeyedStateBackend<Long> restored = backend(kind);
        restored.restore(List.of(snapshot(kind, source)), tmp);
        assertThatThrownBy(() -> restored.getPartitionedState(valueDesc())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'value'").hasMessageContaining("namespace");
    }
}

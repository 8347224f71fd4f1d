package dev.eddy.runtime.taskmanager.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeutils.base.LongSerializer;
import dev.eddy.api.common.typeutils.base.StringSerializer;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.state.VoidNamespace;
import dev.eddy.runtime.state.VoidNamespaceSerializer;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.state.heap.HeapKeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.rocksdb.RocksDBKeyedStateBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code KeyedStateBackend.applyToAllKeys} on every backend: it visits exactly the keys that have
 * state of the descriptor (in the namespace), once each, with that key current; the function can
 * update and clear the state; the previous current key is set again afterwards; cleared and
 * TTL-expired state is skipped; a pending snapshot keeps the values from before the visit. The
 * restored kinds populate a backend, snapshot it and run the test on the backend restored from it.
 */
class ApplyToAllKeysTest {
    private static final int MAX_PARALLELISM = 128;
    /** Subtask 1 of 2: key groups 64..127, so the range does not start at 0. */
    private static final KeyGroupRange RANGE = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, 2, 1);
    private static final long TTL = 10;

    @TempDir
    Path tmp;
    private final List<SnapshotableKeyedStateBackend<?>> created = new ArrayList<>();
    private long now = 1_000;
    private int checkpointIds;

    enum Kind {
        HEAP, HEAP_RESTORED, ROCKSDB, ROCKSDB_RESTORED_INCREMENTAL
    }

    static Stream<Kind> liveKinds() {
        return Stream.of(Kind.HEAP, Kind.ROCKSDB);
    }

    @AfterEach
    void dispose() {
        created.forEach(SnapshotableKeyedStateBackend::dispose);
    }

    private SnapshotableKeyedStateBackend<Long> newBackend(Kind kind) {
        SnapshotableKeyedStateBackend<Long> b = switch (kind) {
            case HEAP, HEAP_RESTORED -> HeapKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, MAX_PARALLELISM, 2, 1, () -> now);
            case ROCKSDB, ROCKSDB_RESTORED_INCREMENTAL -> RocksDBKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, MAX_PARALLELISM,
                    2, 1, tmp.resolve("local"), "apply-" + created.size(), true, () -> now);
        };
        created.add(b);
        return b;
    }

    /** A backend holding what {@code populate} wrote: directly, or after a snapshot and restore. */
    private SnapshotableKeyedStateBackend<Long> prepared(Kind kind, Populate populate) throws Exception {
        SnapshotableKeyedStateBackend<Long> source = newBackend(kind);
        populate.fill(source);
        if (kind == Kind.HEAP || kind == Kind.ROCKSDB) {
            return source;
        }
        SnapshotableKeyedStateBackend<Long> restored = newBackend(kind);
        restored.restore(List.of(snapshot(source).run()), tmp);
        return restored;
    }

    private interface Populate {
        void fill(SnapshotableKeyedStateBackend<Long> b) throws Exception;
    }

    /** Synchronous part of a checkpoint (incremental for RocksDB) or, for the heap, a savepoint. */
    private AsyncSnapshot<KeyedStateHandleProto> snapshot(SnapshotableKeyedStateBackend<Long> b) throws Exception {
        long id = ++checkpointIds;
        boolean rocks = b instanceof RocksDBKeyedStateBackend;
        CheckpointOptions o = new CheckpointOptions(!rocks, true, tmp.resolve("chk-" + id), rocks ? tmp.resolve("shared") : null, false);
        return b.snapshot(id, o, CheckpointStreamFactory.forOptions(o));
    }

    /** The first {@code n} keys of this subtask's range. */
    private static List<Long> ownedKeys(int n) {
        List<Long> keys = new ArrayList<>();
        for (long k = 0; keys.size() < n; k++) {
            if (RANGE.contains(KeyGroupRangeAssignment.assignToKeyGroup(k, MAX_PARALLELISM))) {
                keys.add(k);
            }
        }
        return keys;
    }

    private static ValueStateDescriptor<Long> valueDesc() {
        return new ValueStateDescriptor<>("count", Long.class);
    }

    private static ListStateDescriptor<String> listDesc() {
        return new ListStateDescriptor<>("events", String.class);
    }

    private static MapStateDescriptor<String, Long> mapDesc() {
        return new MapStateDescriptor<>("perItem", String.class, Long.class);
    }

    /** Keys 0..7 of the range with value key*10, except keys 2 and 5, which are cleared again; "other" state on keys 8, 9. */
    private static void fillValues(SnapshotableKeyedStateBackend<Long> b) throws Exception {
        List<Long> keys = ownedKeys(10);
        ValueState<Long> count = b.getPartitionedState(valueDesc());
        for (int i = 0; i < 8; i++) {
            b.setCurrentKey(keys.get(i));
            count.update(keys.get(i) * 10);
        }
        for (int i : new int[] {2, 5}) {
            b.setCurrentKey(keys.get(i));
            count.clear();
        }
        ValueState<Long> other = b.getPartitionedState(new ValueStateDescriptor<>("other", Long.class));
        for (int i = 8; i < 10; i++) {
            b.setCurrentKey(keys.get(i));
            other.update(1L);
        }
    }

    private static List<Long> expectedValueKeys() {
        List<Long> keys = ownedKeys(8);
        keys.remove(5);
        keys.remove(2);
        return keys;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void valueStateVisitsExactlyTheKeysWithStateWithThatKeyCurrent(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = prepared(kind, ApplyToAllKeysTest::fillValues);
        long before = ownedKeys(12).get(11); // a key without any state
        b.setCurrentKey(before);
        Map<Long, Long> seen = new TreeMap<>();
        b.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, valueDesc(), (key, state) -> {
            assertThat(b.getCurrentKey()).isEqualTo(key);
            assertThat(seen.put(key, state.value())).as("key %s visited twice", key).isNull();
        });

        Map<Long, Long> expected = new TreeMap<>();
        expectedValueKeys().forEach(k -> expected.put(k, k * 10));
        assertThat(seen).isEqualTo(expected);
        assertThat(b.getCurrentKey()).isEqualTo(before);
        assertThat(b.getCurrentKeyGroupIndex()).isEqualTo(KeyGroupRangeAssignment.assignToKeyGroup(before, MAX_PARALLELISM));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void functionUpdatesAndClearsValueState(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = prepared(kind, ApplyToAllKeysTest::fillValues);
        List<Long> keys = expectedValueKeys();
        Long before = b.getCurrentKey(); // the last populated key, or null after a restore
        b.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, valueDesc(), (key, state) -> {
            if (key % 2 == 0) {
                state.update(state.value() + 1);
            } else {
                state.clear();
            }
        });
        assertThat(b.getCurrentKey()).isEqualTo(before);

        ValueState<Long> count = b.getPartitionedState(valueDesc());
        List<Long> remaining = new ArrayList<>();
        for (long key : keys) {
            b.setCurrentKey(key);
            assertThat(count.value()).isEqualTo(key % 2 == 0 ? key * 10 + 1 : null);
            if (key % 2 == 0) {
                remaining.add(key);
            }
        }
        List<Long> second = new ArrayList<>();
        b.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, valueDesc(), (key, state) -> second.add(key));
        assertThat(second).containsExactlyInAnyOrderElementsOf(remaining);
    }

    /** Keys 0..5 of the range get key+1 elements; key 3's list is cleared. */
    private static void fillLists(SnapshotableKeyedStateBackend<Long> b) throws Exception {
        ListState<String> events = b.getPartitionedState(listDesc());
        List<Long> keys = ownedKeys(6);
        for (long key : keys) {
            b.setCurrentKey(key);
            for (int i = 0; i <= keys.indexOf(key); i++) {
                events.add(key + ":" + i);
            }
        }
        b.setCurrentKey(keys.get(3));
        events.clear();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void listStateIsVisitedPerKeyAndCanBeReplacedOrCleared(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = prepared(kind, ApplyToAllKeysTest::fillLists);
        List<Long> keys = ownedKeys(6);
        Map<Long, Integer> sizes = new HashMap<>();
        b.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, listDesc(), (key, state) -> {
            int n = 0;
            for (String ignored : state.get()) {
                n++;
            }
            sizes.put(key, n);
            if (n > 2) {
                state.update(List.of("reset"));
            } else {
                state.clear();
            }
        });
        assertThat(sizes).containsOnlyKeys(keys.get(0), keys.get(1), keys.get(2), keys.get(4), keys.get(5))
                .containsEntry(keys.get(0), 1).containsEntry(keys.get(2), 3).containsEntry(keys.get(5), 6);

        ListState<String> events = b.getPartitionedState(listDesc());
        for (int i = 0; i < keys.size(); i++) {
            b.setCurrentKey(keys.get(i));
            assertThat(events.get()).containsExactlyElementsOf(i == 2 || i >= 4 ? List.of("reset") : List.of());
        }
    }

    /** Keys 0..3 of the range get three map entries each; key 1's entries are all removed one by one. */
    private static void fillMaps(SnapshotableKeyedStateBackend<Long> b) throws Exception {
        MapState<String, Long> perItem = b.getPartitionedState(mapDesc());
        List<Long> keys = ownedKeys(4);
        for (long key : keys) {
            b.setCurrentKey(key);
            for (String item : List.of("a", "b", "c")) {
                perItem.put(item, key);
            }
        }
        b.setCurrentKey(keys.get(1));
        for (String item : List.of("a", "b", "c")) {
            perItem.remove(item);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void mapStateKeysAreVisitedOnceWhateverTheirNumberOfEntries(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = prepared(kind, ApplyToAllKeysTest::fillMaps);
        List<Long> keys = ownedKeys(4);
        List<Long> visited = new ArrayList<>();
        b.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, mapDesc(), (key, state) -> {
            visited.add(key);
            if (key.equals(keys.get(0))) {
                state.clear();
            } else {
                state.remove("b");
                state.put("d", state.get("a") + 100);
            }
        });
        assertThat(visited).containsExactlyInAnyOrder(keys.get(0), keys.get(2), keys.get(3));

        MapState<String, Long> perItem = b.getPartitionedState(mapDesc());
        b.setCurrentKey(keys.get(0));
        assertThat(perItem.isEmpty()).isTrue();
        b.setCurrentKey(keys.get(3));
        Map<String, Long> entries = new TreeMap<>();
        perItem.entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
        assertThat(entries).isEqualTo(Map.of("a", keys.get(3), "c", keys.get(3), "d", keys.get(3) + 100));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onlyTheKeysOfTheGivenNamespaceAreVisited(Kind kind) throws Exception {
        List<Long> keys = ownedKeys(5);
        SnapshotableKeyedStateBackend<Long> b = prepared(kind, source -> {
            for (int i = 0; i < keys.size(); i++) {
                source.setCurrentKey(keys.get(i));
                String namespace = i % 2 == 0 ? "window-a" : "window-ab";
                source.getPartitionedState(namespace, StringSerializer.INSTANCE, mapDesc()).put("x", (long) i);
                source.getPartitionedState(namespace, StringSerializer.INSTANCE, valueDesc()).update((long) i);
            }
        });
        List<Long> mapKeys = new ArrayList<>();
        b.applyToAllKeys("window-a", StringSerializer.INSTANCE, mapDesc(), (key, state) -> mapKeys.add(key));
        List<Long> valueKeys = new ArrayList<>();
        b.applyToAllKeys("window-ab", StringSerializer.INSTANCE, valueDesc(), (key, state) -> {
            valueKeys.add(key);
            assertThat(state.value()).isEqualTo((long) keys.indexOf(key));
        });

        assertThat(mapKeys).containsExactlyInAnyOrder(keys.get(0), keys.get(2), keys.get(4));
        assertThat(valueKeys).containsExactlyInAnyOrder(keys.get(1), keys.get(3));
    }

    @ParameterizedTest
    @MethodSource("liveKinds")
    void keysWhoseStateExpiredAreSkipped(Kind kind) throws Exception {
        StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).disableCleanupInBackground().build();
        ValueStateDescriptor<Long> value = valueDesc();
        value.enableTimeToLive(config);
        ListStateDescriptor<String> list = listDesc();
        list.enableTimeToLive(config);
        MapStateDescriptor<String, Long> map = mapDesc();
        map.enableTimeToLive(config);
        SnapshotableKeyedStateBackend<Long> b = newBackend(kind);
        List<Long> keys = ownedKeys(4);
        // keys 0, 1 written at t=1000; keys 2, 3 at t=1008 (key 1 also then, for list and map only)
        for (int i = 0; i < keys.size(); i++) {
            now = i < 2 ? 1_000 : 1_008;
            b.setCurrentKey(keys.get(i));
            b.getPartitionedState(value).update((long) i);
            b.getPartitionedState(list).add("first");
            b.getPartitionedState(map).put("first", 1L);
        }
        now = 1_008;
        b.setCurrentKey(keys.get(1));
        b.getPartitionedState(list).add("second");
        b.getPartitionedState(map).put("second", 2L);
        now = 1_012; // what was written at 1000 has expired

        List<Long> valueKeys = new ArrayList<>();
        b.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, value, (key, state) -> valueKeys.add(key));
        List<Long> listKeys = new ArrayList<>();
        b.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, list, (key, state) -> {
            listKeys.add(key);
            state.get().forEach(e -> assertThat(e).isNotEqualTo(key.equals(keys.get(1)) ? "first" : "none"));
        });
        List<Long> mapKeys = new ArrayList<>();
        b.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, map, (key, state) -> mapKeys.add(key));

        assertThat(valueKeys).containsExactlyInAnyOrder(keys.get(2), keys.get(3));
        assertThat(listKeys).containsExactlyInAnyOrder(keys.get(1), keys.get(2), keys.get(3));
        assertThat(mapKeys).containsExactlyInAnyOrder(keys.get(1), keys.get(2), keys.get(3));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPendingSnapshotKeepsTheValuesFromBeforeTheVisit(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = prepared(kind, ApplyToAllKeysTest::fillValues);
        AsyncSnapshot<KeyedStateHandleProto> pending = snapshot(b);
        b.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, valueDesc(), (key, state) -> {
            if (key % 2 == 0) {
                state.update(-1L);
            } else {
                state.clear();
            }
        });
        KeyedStateHandleProto handle = pending.run();

        SnapshotableKeyedStateBackend<Long> restored = newBackend(kind);
        restored.restore(List.of(handle), tmp);
        Map<Long, Long> seen = new TreeMap<>();
        restored.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, valueDesc(),
                (key, state) -> seen.put(key, state.value()));
        Map<Long, Long> expected = new TreeMap<>();
        expectedValueKeys().forEach(k -> expected.put(k, k * 10));
        assertThat(seen).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("liveKinds")
    void theCurrentKeyIsRestoredWhenTheFunctionThrows(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = prepared(kind, ApplyToAllKeysTest::fillValues);
        long before = expectedValueKeys().get(0);
        b.setCurrentKey(before);
        assertThatThrownBy(() -> b.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, valueDesc(), (key, state) -> {
            throw new IllegalArgumentException("bad rule for " + key);
        })).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bad rule for ");
        assertThat(b.getCurrentKey()).isEqualTo(before);
        assertThat(b.getPartitionedState(valueDesc()).value()).isEqualTo(before * 10);
    }

    @ParameterizedTest
    @MethodSource("liveKinds")
    void aStateWithoutEntriesVisitsNothing(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = newBackend(kind);
        List<Long> visited = new ArrayList<>();
        b.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, valueDesc(), (key, state) -> visited.add(key));
        assertThat(visited).isEmpty();
        assertThat(b.getCurrentKey()).isNull();
    }
}

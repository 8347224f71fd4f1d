package dev.eddy.runtime.taskmanager.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.LongSerializer;
import dev.eddy.api.common.typeutils.base.StringSerializer;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.internal.InternalMapState;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.state.heap.HeapKeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.SnapshotableKeyedStateBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an incremental restore the column families exist before their states are registered; a
 * savepoint taken then must still write namespaces and TTL timestamps correctly (from the catalog
 * entry), or refuse clearly where it cannot.
 */
class RocksDBUnregisteredStateSnapshotTest {
    @TempDir
    Path tmp;
    private long now;
    private int ids;
    private final List<SnapshotableKeyedStateBackend<?>> created = new ArrayList<>();

    @AfterEach
    void dispose() {
        created.forEach(SnapshotableKeyedStateBackend::dispose);
    }

    private RocksDBKeyedStateBackend<Long> rocks() {
        RocksDBKeyedStateBackend<Long> b = RocksDBKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, 128, 1, 0, tmp.resolve("local"),
                "u" + created.size(), true, () -> now);
        created.add(b);
        return b;
    }

    private KeyedStateHandleProto snapshot(SnapshotableKeyedStateBackend<Long> b, boolean savepoint) throws Exception {
        long id = ++ids;
        CheckpointOptions o = new CheckpointOptions(savepoint, true, tmp.resolve("snap-" + id), savepoint ? null : tmp.resolve("shared"), false);
        return b.snapshot(id, o, CheckpointStreamFactory.forOptions(o)).run();
    }

    private static MapStateDescriptor<String, Integer> mapDesc() {
        return new MapStateDescriptor<>("map", String.class, Integer.class);
    }

    @SuppressWarnings("unchecked")
    private static <N> InternalMapState<Long, N, String, Integer> map(SnapshotableKeyedStateBackend<Long> b, TypeSerializer<N> ns)
            throws Exception {
        return (InternalMapState<Long, N, String, Integer>) b.getOrCreateKeyedState(ns, mapDesc());
    }

    /** Fills a namespaced map state, checkpoints incrementally and restores into a fresh backend without registering it. */
    private <N> RocksDBKeyedStateBackend<Long> restoredUnregistered(TypeSerializer<N> ns, N first, N second) throws Exception {
        RocksDBKeyedStateBackend<Long> source = rocks();
        InternalMapState<Long, N, String, Integer> map = map(source, ns);
        for (long key = 0; key < 20; key++) {
            source.setCurrentKey(key);
            map.setCurrentNamespace(first);
            map.put("a", (int) key);
            map.put("b", null);
            map.setCurrentNamespace(second);
            map.put("a", (int) key + 100);
        }
        KeyedStateHandleProto checkpoint = snapshot(source, false);
        assertThat(checkpoint.hasIncremental()).isTrue();
        RocksDBKeyedStateBackend<Long> restored = rocks();
        restored.restore(List.of(checkpoint), tmp);
        return restored;
    }

    @Test
    void savepointOfAnUnregisteredMapStateWithFixedLengthNamespacesSplitsItsKeys() throws Exception {
        RocksDBKeyedStateBackend<Long> restored = restoredUnregistered(LongSerializer.INSTANCE, 1L, 2L);
        KeyedStateHandleProto savepoint = snapshot(restored, true);

        HeapKeyedStateBackend<Long> heap = HeapKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, 128, 1, 0);
        created.add(heap);
        heap.restore(List.of(savepoint), tmp);
        InternalMapState<Long, Long, String, Integer> map = map(heap, LongSerializer.INSTANCE);
        for (long key = 0; key < 20; key++) {
            heap.setCurrentKey(key);
            map.setCurrentNamespace(1L);
            assertThat(map.get("a")).isEqualTo((int) key);
            assertThat(map.contains("b")).isTrue();
            map.setCurrentNamespace(2L);
            List<Map.Entry<String, Integer>> entries = new ArrayList<>();
            map.entries().forEach(entries::add);
            assertThat(entries).containsExactly(Map.entry("a", (int) key + 100));
        }
    }

    @Test
    void savepointOfAnUnregisteredMapStateWithVariableLengthNamespacesIsRefusedClearly() throws Exception {
        RocksDBKeyedStateBackend<Long> restored = restoredUnregistered(StringSerializer.INSTANCE, "w", "ww");
        assertThatThrownBy(() -> snapshot(restored, true)).hasMessageContaining("'map'").hasMessageContaining("variable length")
                .hasMessageContaining("register");

        map(restored, StringSerializer.INSTANCE); // once registered, its serializer splits the keys
        KeyedStateHandleProto savepoint = snapshot(restored, true);
        RocksDBKeyedStateBackend<Long> again = rocks();
        again.restore(List.of(savepoint), tmp);
        InternalMapState<Long, String, String, Integer> map = map(again, StringSerializer.INSTANCE);
        again.setCurrentKey(3L);
        map.setCurrentNamespace("ww");
        assertThat(map.get("a")).isEqualTo(103);
        assertThat(map.contains("b")).isFalse();
    }

    @Test
    void savepointOfAnUnregisteredTtlStateKeepsItsTimestamps() throws Exception {
        ValueStateDescriptor<Long> desc = new ValueStateDescriptor<>("v", Long.class);
        desc.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(10)).disableCleanupInBackground().build());
        RocksDBKeyedStateBackend<Long> source = rocks();
        ValueState<Long> v = source.getPartitionedState(desc);
        source.setCurrentKey(1L);
        v.update(1L);
        RocksDBKeyedStateBackend<Long> middle = rocks();
        middle.restore(List.of(snapshot(source, false)), tmp);
        KeyedStateHandleProto savepoint = snapshot(middle, true);

        HeapKeyedStateBackend<Long> heap = HeapKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, 128, 1, 0, () -> now);
        created.add(heap);
        heap.restore(List.of(savepoint), tmp);
        ValueState<Long> restored = heap.getPartitionedState(desc);
        heap.setCurrentKey(1L);
        now = 9;
        assertThat(restored.value()).isEqualTo(1L);
        now = 10;
        assertThat(restored.value()).as("written at 0, carried through the unregistered state").isNull();
    }
}

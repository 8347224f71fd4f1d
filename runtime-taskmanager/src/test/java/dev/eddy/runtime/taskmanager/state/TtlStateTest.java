package dev.eddy.runtime.taskmanager.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.state.AggregatingState;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeutils.base.LongSerializer;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.internal.InternalListState;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * State TTL behaves the same on the heap and in RocksDB with a manual clock: expiry per value,
 * list element and map entry, visibility, update types, timestamps through snapshots (also into
 * the other backend) and cleanup in full snapshots.
 */
class TtlStateTest {
    private static final long TTL = 10;

    @TempDir
    Path tmp;
    private long now;
    private int snapshots;
    private final List<SnapshotableKeyedStateBackend<?>> created = new ArrayList<>();

    enum Kind {
        HEAP, ROCKSDB, ROCKSDB_INCREMENTAL
    }

    static Stream<Kind> kinds() {
        return Stream.of(Kind.values());
    }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (Kind from : Kind.values()) {
            for (Kind to : Kind.values()) {
                if (!(from == Kind.ROCKSDB_INCREMENTAL && to == Kind.HEAP)) {
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

    private SnapshotableKeyedStateBackend<Long> backend(Kind kind) {
        SnapshotableKeyedStateBackend<Long> b = switch (kind) {
            case HEAP -> HeapKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, 128, 1, 0, () -> now);
            case ROCKSDB, ROCKSDB_INCREMENTAL -> RocksDBKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, 128, 1, 0,
                    tmp.resolve("local"), "ttl-" + created.size(), kind == Kind.ROCKSDB_INCREMENTAL, () -> now);
        };
        created.add(b);
        return b;
    }

    /** TTL of 10 ms without background cleanup, so only accesses (and full snapshots, if asked) remove expired values. */
    private static StateTtlConfig.Builder ttl() {
        return StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).disableCleanupInBackground();
    }

    private static <D extends StateDescriptor<?, ?>> D withTtl(D descriptor, StateTtlConfig config) {
        descriptor.enableTimeToLive(config);
        return descriptor;
    }

    private static ValueStateDescriptor<Long> value(StateTtlConfig config) {
        return withTtl(new ValueStateDescriptor<>("v", Long.class), config);
    }

    private static ListStateDescriptor<Long> list(StateTtlConfig config) {
        return withTtl(new ListStateDescriptor<>("l", Long.class), config);
    }

    private static MapStateDescriptor<String, Long> map(StateTtlConfig config) {
        return withTtl(new MapStateDescriptor<>("m", String.class, Long.class), config);
    }

    private static <K, V> Map<K, V> toMap(Iterable<Map.Entry<K, V>> entries) {
        Map<K, V> m = new HashMap<>();
        entries.forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private KeyedStateHandleProto snapshot(Kind kind, SnapshotableKeyedStateBackend<Long> b) throws Exception {
        long id = ++snapshots;
        boolean savepoint = kind != Kind.ROCKSDB_INCREMENTAL;
        CheckpointOptions o = new CheckpointOptions(savepoint, true, tmp.resolve("snap-" + id), savepoint ? null : tmp.resolve("shared"),
                false);
        return b.snapshot(id, o, CheckpointStreamFactory.forOptions(o)).run();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void valueExpiresAfterTheTtl(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        ValueState<Long> state = b.getPartitionedState(value(ttl().build()));
        b.setCurrentKey(1L);
        state.update(42L);
        now = TTL - 1;
        assertThat(state.value()).isEqualTo(42L);
        now = TTL;
        assertThat(state.value()).isNull();
        now = 0;
        assertThat(state.value()).as("removed on access, not only hidden").isNull();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void returnExpiredIfNotCleanedUpReturnsTheValueOnceAndRemovesIt(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        ValueState<Long> state = b.getPartitionedState(value(ttl().returnExpiredIfNotCleanedUp().build()));
        b.setCurrentKey(1L);
        state.update(7L);
        now = 100;
        assertThat(state.value()).isEqualTo(7L);
        assertThat(state.value()).isNull();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void onCreateAndWriteIgnoresReadsButOnReadAndWriteExtends(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        ValueState<Long> written = b.getPartitionedState(value(ttl().updateTtlOnCreateAndWrite().build()));
        ValueState<Long> read = b.getPartitionedState(withTtl(new ValueStateDescriptor<>("r", Long.class),
                ttl().updateTtlOnReadAndWrite().build()));
        b.setCurrentKey(1L);
        written.update(1L);
        read.update(1L);
        now = 8;
        assertThat(written.value()).isEqualTo(1L);
        assertThat(read.value()).isEqualTo(1L);
        now = 12;
        assertThat(written.value()).isNull();
        assertThat(read.value()).as("the read at 8 extended it to 18").isEqualTo(1L);
        now = 21;
        assertThat(read.value()).as("the read at 12 extended it to 22").isEqualTo(1L);
        now = 31;
        assertThat(read.value()).isNull();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void listElementsExpireOnTheirOwn(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        ListState<Long> state = b.getPartitionedState(list(ttl().build()));
        b.setCurrentKey(1L);
        state.add(1L);
        now = 5;
        state.addAll(List.of(2L, 3L));
        now = 9;
        assertThat(state.get()).containsExactly(1L, 2L, 3L);
        now = 10;
        assertThat(state.get()).containsExactly(2L, 3L);
        state.add(4L);
        now = 15;
        assertThat(state.get()).containsExactly(4L);
        now = 20;
        assertThat(state.get()).isEmpty();
        state.update(List.of(8L, 9L));
        assertThat(state.get()).containsExactly(8L, 9L);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void mapEntriesExpireOnTheirOwn(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        MapState<String, Long> state = b.getPartitionedState(map(ttl().build()));
        b.setCurrentKey(1L);
        state.put("a", 1L);
        now = 5;
        state.put("b", 2L);
        now = 9;
        assertThat(toMap(state.entries())).containsOnly(Map.entry("a", 1L), Map.entry("b", 2L));
        now = 10;
        assertThat(state.get("a")).isNull();
        assertThat(state.contains("a")).isFalse();
        assertThat(state.contains("b")).isTrue();
        assertThat(toMap(state.entries())).containsOnly(Map.entry("b", 2L));
        assertThat(state.isEmpty()).isFalse();
        now = 15;
        assertThat(state.isEmpty()).isTrue();
        assertThat(state.keys()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void reducingAndAggregatingStateExpire(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        ReducingState<Long> reducing = b.getPartitionedState(withTtl(new ReducingStateDescriptor<>("red", Long::sum, Long.class),
                ttl().build()));
        AggregatingState<Long, Long> aggregating = b.getPartitionedState(withTtl(
                new AggregatingStateDescriptor<>("agg", new NamespacedStateTest.CountAndSum(), long[].class), ttl().build()));
        b.setCurrentKey(1L);
        reducing.add(1L);
        aggregating.add(5L);
        now = 6;
        reducing.add(2L);
        aggregating.add(6L);
        now = 15;
        assertThat(reducing.get()).as("the write at 6 keeps the sum").isEqualTo(3L);
        assertThat(aggregating.get()).isEqualTo(2011L);
        now = 16;
        assertThat(reducing.get()).isNull();
        assertThat(aggregating.get()).isNull();
        reducing.add(9L);
        assertThat(reducing.get()).as("starts over after expiry").isEqualTo(9L);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void namespacedStateWithTtlExpiresPerNamespace(Kind kind) throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(kind);
        @SuppressWarnings("unchecked")
        InternalListState<Long, Long, Long> state = (InternalListState<Long, Long, Long>) b.getOrCreateKeyedState(LongSerializer.INSTANCE,
                list(ttl().build()));
        b.setCurrentKey(1L);
        state.setCurrentNamespace(1L);
        state.add(1L);
        now = 5;
        state.setCurrentNamespace(2L);
        state.add(2L);
        now = 10;
        state.mergeNamespaces(3L, List.of(1L, 2L));
        state.setCurrentNamespace(3L);
        assertThat(state.get()).as("the expired element of namespace 1 is not merged").containsExactly(2L);
        now = 19;
        assertThat(state.get()).as("merged elements are stamped at the merge").containsExactly(2L);
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void timestampsSurviveSnapshotAndRestore(Kind from, Kind to) throws Exception {
        SnapshotableKeyedStateBackend<Long> source = backend(from);
        ValueState<Long> v = source.getPartitionedState(value(ttl().build()));
        ListState<Long> l = source.getPartitionedState(list(ttl().build()));
        MapState<String, Long> m = source.getPartitionedState(map(ttl().build()));
        source.setCurrentKey(1L);
        v.update(1L);
        l.add(1L);
        m.put("old", 1L);
        now = 5;
        l.add(2L);
        m.put("new", 2L);
        m.put("null", null);
        KeyedStateHandleProto handle = snapshot(from, source);

        SnapshotableKeyedStateBackend<Long> restored = backend(to);
        restored.restore(List.of(handle), tmp);
        ValueState<Long> rv = restored.getPartitionedState(value(ttl().build()));
        ListState<Long> rl = restored.getPartitionedState(list(ttl().build()));
        MapState<String, Long> rm = restored.getPartitionedState(map(ttl().build()));
        restored.setCurrentKey(1L);
        now = 9;
        assertThat(rv.value()).isEqualTo(1L);
        assertThat(rl.get()).containsExactly(1L, 2L);
        Map<String, Long> all = new HashMap<>();
        all.put("old", 1L);
        all.put("new", 2L);
        all.put("null", null);
        assertThat(toMap(rm.entries())).isEqualTo(all);
        now = 10;
        assertThat(rv.value()).as("written at 0 before the snapshot").isNull();
        assertThat(rl.get()).containsExactly(2L);
        assertThat(rm.contains("old")).isFalse();
        assertThat(rm.contains("null")).isTrue();
        now = 15;
        assertThat(rl.get()).isEmpty();
        assertThat(rm.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void fullSnapshotCleanupLeavesExpiredValuesOut(Kind from, Kind to) throws Exception {
        if (from == Kind.ROCKSDB_INCREMENTAL) {
            return; // incremental checkpoints are not full snapshots
        }
        StateTtlConfig config = ttl().cleanupFullSnapshot().returnExpiredIfNotCleanedUp().build();
        SnapshotableKeyedStateBackend<Long> source = backend(from);
        ValueState<Long> v = source.getPartitionedState(value(config));
        ListState<Long> l = source.getPartitionedState(list(config));
        MapState<String, Long> m = source.getPartitionedState(map(config));
        for (long key = 1; key <= 2; key++) {
            source.setCurrentKey(key);
            v.update(key);
            l.add(key);
            m.put("old", key);
        }
        now = 5;
        source.setCurrentKey(2L);
        v.update(20L);
        l.add(20L);
        m.put("new", 20L);
        now = 12;
        KeyedStateHandleProto handle = snapshot(from, source);

        SnapshotableKeyedStateBackend<Long> restored = backend(to);
        restored.restore(List.of(handle), tmp);
        ValueState<Long> rv = restored.getPartitionedState(value(config));
        ListState<Long> rl = restored.getPartitionedState(list(config));
        MapState<String, Long> rm = restored.getPartitionedState(map(config));
        restored.setCurrentKey(1L);
        assertThat(rv.value()).as("expired before the snapshot: not written, so not returned even once").isNull();
        assertThat(rl.get()).isEmpty();
        assertThat(rm.isEmpty()).isTrue();
        restored.setCurrentKey(2L);
        assertThat(rv.value()).isEqualTo(20L);
        assertThat(rl.get()).containsExactly(20L);
        assertThat(toMap(rm.entries())).containsOnly(Map.entry("new", 20L));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void withoutFullSnapshotCleanupExpiredValuesAreWrittenAndReturnedOnce(Kind kind) throws Exception {
        StateTtlConfig config = ttl().returnExpiredIfNotCleanedUp().build();
        SnapshotableKeyedStateBackend<Long> source = backend(kind);
        ValueState<Long> v = source.getPartitionedState(value(config));
        source.setCurrentKey(1L);
        v.update(1L);
        now = 12;
        KeyedStateHandleProto handle = snapshot(kind, source);
        SnapshotableKeyedStateBackend<Long> restored = backend(kind);
        restored.restore(List.of(handle), tmp);
        ValueState<Long> rv = restored.getPartitionedState(value(config));
        restored.setCurrentKey(1L);
        assertThat(rv.value()).isEqualTo(1L);
        assertThat(rv.value()).isNull();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void enablingOrDroppingTtlOnRestoreFromASavepoint(Kind kind) throws Exception {
        if (kind == Kind.ROCKSDB_INCREMENTAL) {
            return; // see incrementalRestoreRefusesAChangedTtlSetting
        }
        SnapshotableKeyedStateBackend<Long> source = backend(kind);
        ValueState<Long> withTtl = source.getPartitionedState(value(ttl().build()));
        ListState<Long> without = source.getPartitionedState(new ListStateDescriptor<>("l", Long.class));
        source.setCurrentKey(1L);
        withTtl.update(1L);
        without.add(1L);
        now = 100;
        KeyedStateHandleProto handle = snapshot(kind, source);

        SnapshotableKeyedStateBackend<Long> restored = backend(kind);
        restored.restore(List.of(handle), tmp);
        ValueState<Long> noLongerTtl = restored.getPartitionedState(new ValueStateDescriptor<>("v", Long.class));
        ListState<Long> nowTtl = restored.getPartitionedState(list(ttl().build()));
        restored.setCurrentKey(1L);
        assertThat(noLongerTtl.value()).as("its timestamp is dropped, it never expires").isEqualTo(1L);
        now = 109;
        assertThat(nowTtl.get()).as("stamped when restored at 100").containsExactly(1L);
        now = 110;
        assertThat(nowTtl.get()).isEmpty();
    }

    @Test
    void incrementalRestoreRefusesAChangedTtlSetting() throws Exception {
        SnapshotableKeyedStateBackend<Long> source = backend(Kind.ROCKSDB_INCREMENTAL);
        ValueState<Long> v = source.getPartitionedState(value(ttl().build()));
        source.setCurrentKey(1L);
        v.update(1L);
        KeyedStateHandleProto handle = snapshot(Kind.ROCKSDB_INCREMENTAL, source);
        SnapshotableKeyedStateBackend<Long> restored = backend(Kind.ROCKSDB_INCREMENTAL);
        restored.restore(List.of(handle), tmp);
        assertThatThrownBy(() -> restored.getPartitionedState(new ValueStateDescriptor<>("v", Long.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'v'").hasMessageContaining("TTL");
        ValueState<Long> same = restored.getPartitionedState(value(ttl().build()));
        restored.setCurrentKey(1L);
        assertThat(same.value()).isEqualTo(1L);
    }

    @Test
    void rocksDbAcceptsCompactionFilterCleanup() throws Exception {
        SnapshotableKeyedStateBackend<Long> b = backend(Kind.ROCKSDB);
        ValueState<Long> state = b.getPartitionedState(value(StateTtlConfig.newBuilder(Duration.ofMillis(TTL))
                .cleanupInRocksdbCompactFilter(1000).build()));
        b.setCurrentKey(1L);
        state.update(1L);
        now = TTL;
        assertThat(state.value()).as("expired entries are removed on access instead").isNull();
    }
}

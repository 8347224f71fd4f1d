package dev.eddy.runtime.taskmanager.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.state.AggregatingState;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDBStateKindsTest {
    @TempDir
    Path tmp;
    private RocksDBKeyedStateBackend<Long> backend;

    private RocksDBKeyedStateBackend<Long> backend() {
        if (backend == null) {
            backend = RocksDBKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0, tmp, "Test Task (1/1)");
        }
        return backend;
    }

    @AfterEach
    void dispose() {
        if (backend != null) {
            backend.dispose();
        }
    }

    /** Average of longs; the accumulator is {count, sum}. */
    static final class Average implements AggregateFunction<Long, long[], Double> {
        private static final long serialVersionUID = 1L;

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
        public Double getResult(long[] acc) {
            return (double) acc[1] / acc[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    @Test
    void valueStateIsScopedToTheCurrentKey() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backend();
        ValueState<String> state = b.getPartitionedState(new ValueStateDescriptor<>("v", String.class));
        b.setCurrentKey(1L);
        assertThat(state.value()).isNull();
        state.update("one");
        b.setCurrentKey(2L);
        assertThat(state.value()).isNull();
        state.update("two");
        b.setCurrentKey(1L);
        assertThat(state.value()).isEqualTo("one");
        state.update(null);
        assertThat(state.value()).isNull();
        b.setCurrentKey(2L);
        assertThat(state.value()).isEqualTo("two");
        state.clear();
        assertThat(state.value()).isNull();
        assertThat(b.countEntries("v")).isZero();
    }

    @Test
    void listStateIsScopedToTheCurrentKey() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backend();
        ListState<String> state = b.getPartitionedState(new ListStateDescriptor<>("l", String.class));
        b.setCurrentKey(1L);
        assertThat(state.get()).isNotNull().isEmpty();
        state.add("a");
        state.addAll(List.of("b", "c"));
        b.setCurrentKey(2L);
        assertThat(state.get()).isEmpty();
        state.update(List.of("x"));
        b.setCurrentKey(1L);
        assertThat(state.get()).containsExactly("a", "b", "c");
        state.update(List.of("z", "y"));
        assertThat(state.get()).containsExactly("z", "y");
        state.clear();
        assertThat(state.get()).isEmpty();
        b.setCurrentKey(2L);
        assertThat(state.get()).containsExactly("x");
        state.update(List.of());
        assertThat(state.get()).isEmpty();
        assertThat(b.countEntries("l")).isZero();
    }

    @Test
    void listStateRejectsNullElementsAndIgnoresEmptyAddAll() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backend();
        ListState<String> state = b.getPartitionedState(new ListStateDescriptor<>("l", Types.STRING));
        b.setCurrentKey(1L);
        assertThatThrownBy(() -> state.add(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> state.addAll(Arrays.asList("a", null))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> state.update(Arrays.asList("a", null))).isInstanceOf(NullPointerException.class);
        state.addAll(List.of());
        state.addAll(null);
        assertThat(state.get()).isEmpty();
        assertThat(b.countEntries("l")).isZero();
    }

    @Test
    void listStateLargerThanOneBufferRoundTrips() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backend();
        ListState<Long> state = b.getPartitionedState(new ListStateDescriptor<>("big", Long.class));
        b.setCurrentKey(5L);
        List<Long> chunk = new ArrayList<>();
        for (long i = 0; i < 1000; i++) {
            chunk.add(i);
        }
        for (int round = 0; round < 150; round++) {
            state.addAll(chunk);
        }
        state.add(-1L);
        List<Long> all = new ArrayList<>();
        state.get().forEach(all::add);
        assertThat(all).hasSize(150_001);
        assertThat(all.get(1999)).isEqualTo(999L);
        assertThat(all.get(150_000)).isEqualTo(-1L);
    }

    @Test
    void mapStateIsScopedToTheCurrentKey() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backend();
        MapState<String, Integer> state = b.getPartitionedState(new MapStateDescriptor<>("m", String.class, Integer.class));
        b.setCurrentKey(1L);
        assertThat(state.isEmpty()).isTrue();
        assertThat(state.get("a")).isNull();
        assertThat(state.contains("a")).isFalse();
        assertThat(state.entries()).isEmpty();
        assertThat(state.keys()).isEmpty();
        assertThat(state.values()).isEmpty();
        assertThat(state.iterator()).isExhausted();
        state.put("a", 1);
        state.putAll(Map.of("b", 2, "c", 3));
        state.put("n", null);
        b.setCurrentKey(2L);
        assertThat(state.isEmpty()).isTrue();
        state.put("a", 100);
        b.setCurrentKey(1L);
        assertThat(state.get("a")).isEqualTo(1);
        assertThat(state.contains("b")).isTrue();
        assertThat(state.contains("n")).isTrue();
        assertThat(state.get("n")).isNull();
        assertThat(state.keys()).containsExactlyInAnyOrder("a", "b", "c", "n");
        assertThat(state.values()).containsExactlyInAnyOrder(1, 2, 3, null);
        state.remove("n");
        assertThat(state.entries()).containsExactlyInAnyOrder(Map.entry("a", 1), Map.entry("b", 2), Map.entry("c", 3));
        state.remove("b");
        assertThat(state.contains("b")).isFalse();
        assertThat(state.isEmpty()).isFalse();
        state.clear();
        assertThat(state.isEmpty()).isTrue();
        assertThat(state.keys()).isEmpty();
        b.setCurrentKey(2L);
        assertThat(state.get("a")).isEqualTo(100);
        state.remove("a");
        assertThat(state.isEmpty()).isTrue();
        assertThat(b.countEntries("m")).isZero();
    }

    @Test
    void mapIteratorRemoveDeletesTheMapping() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backend();
        MapState<Integer, String> state = b.getPartitionedState(new MapStateDescriptor<>("m", Integer.class, String.class));
        b.setCurrentKey(3L);
        for (int i = 0; i < 10; i++) {
            state.put(i, "v" + i);
        }
        Iterator<Map.Entry<Integer, String>> it = state.iterator();
        assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
        while (it.hasNext()) {
            if (it.next().getKey() % 2 == 0) {
                it.remove();
            }
        }
        assertThat(state.keys()).containsExactlyInAnyOrder(1, 3, 5, 7, 9);
    }

    @Test
    void reducingStateCombinesPerKey() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backend();
        ReducingState<Long> state = b.getPartitionedState(new ReducingStateDescriptor<>("r", Long::sum, Long.class));
        b.setCurrentKey(1L);
        assertThat(state.get()).isNull();
        state.add(3L);
        assertThat(state.get()).isEqualTo(3L);
        state.add(4L);
        b.setCurrentKey(2L);
        assertThat(state.get()).isNull();
        state.add(10L);
        b.setCurrentKey(1L);
        assertThat(state.get()).isEqualTo(7L);
        assertThatThrownBy(() -> state.add(null)).isInstanceOf(NullPointerException.class);
        state.clear();
        assertThat(state.get()).isNull();
        state.add(1L);
        assertThat(state.get()).isEqualTo(1L);
        b.setCurrentKey(2L);
        assertThat(state.get()).isEqualTo(10L);
    }

    @Test
    void aggregatingStateFoldsIntoAnAccumulatorPerKey() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backend();
        AggregatingState<Long, Double> state = b.getPartitionedState(
                new AggregatingStateDescriptor<>("a", new Average(), long[].class));
        b.setCurrentKey(1L);
        assertThat(state.get()).isNull();
        state.add(1L);
        state.add(2L);
        b.setCurrentKey(2L);
        assertThat(state.get()).isNull();
        state.add(10L);
        b.setCurrentKey(1L);
        state.add(6L);
        assertThat(state.get()).isEqualTo(3.0);
        assertThatThrownBy(() -> state.add(null)).isInstanceOf(NullPointerException.class);
        state.clear();
        assertThat(state.get()).isNull();
        b.setCurrentKey(2L);
        assertThat(state.get()).isEqualTo(10.0);
    }

    @Test
    void equalDescriptorsGiveTheSameObjectAndNameClashesAcrossKindsFail() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backend();
        ListState<String> first = b.getPartitionedState(new ListStateDescriptor<>("s", String.class));
        ListState<String> second = b.getPartitionedState(new ListStateDescriptor<>("s", String.class));
        assertThat(first).isSameAs(second);
        assertThatThrownBy(() -> b.getPartitionedState(new MapStateDescriptor<>("s", String.class, String.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'s'").hasMessageContaining("LIST").hasMessageContaining("MAP");
        b.getPartitionedState(new ReducingStateDescriptor<>("r", Long::sum, Long.class));
        assertThatThrownBy(() -> b.getPartitionedState(new AggregatingStateDescriptor<>("r", new Average(), long[].class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REDUCING").hasMessageContaining("AGGREGATING");
    }

    @Test
    void keysInDifferentKeyGroupsAreIsolated() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backend();
        ValueState<Long> state = b.getPartitionedState(new ValueStateDescriptor<>("v", new LongSerializer()));
        long[] keys = {0L, 1L, 2L, 3L, 1000L, 123_456L};
        java.util.Set<Integer> groups = new java.util.HashSet<>();
        for (long k : keys) {
            groups.add(KeyGroupRangeAssignment.assignToKeyGroup(k, 128));
            b.setCurrentKey(k);
            assertThat(b.getCurrentKeyGroupIndex()).isEqualTo(KeyGroupRangeAssignment.assignToKeyGroup(k, 128));
            state.update(k * 10);
        }
        assertThat(groups.size()).isGreaterThan(1);
        for (long k : keys) {
            b.setCurrentKey(k);
            assertThat(state.value()).isEqualTo(k * 10);
        }
        assertThat(b.countEntries("v")).isEqualTo(keys.length);
    }

    @Test
    void keysOutsideTheRangeAndMissingKeysFail() throws Exception {
        RocksDBKeyedStateBackend<Long> half = RocksDBKeyedStateBackend.forSubtask(new LongSerializer(), 128, 2, 0, tmp, "half");
        try {
            ListState<String> list = half.getPartitionedState(new ListStateDescriptor<>("l", String.class));
            assertThatThrownBy(list::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("No current key");
            long outside = 0;
            while (half.getKeyGroupRange().contains(KeyGroupRangeAssignment.assignToKeyGroup(outside, 128))) {
                outside++;
            }
            long key = outside;
            assertThatThrownBy(() -> half.setCurrentKey(key)).isInstanceOf(IllegalStateException.class).hasMessageContaining("key group");
        } finally {
            half.dispose();
        }
    }

    @Test
    void disposeDeletesTheDirectoryAndIsIdempotent() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backend();
        ValueState<String> state = b.getPartitionedState(new ValueStateDescriptor<>("v", String.class));
        b.setCurrentKey(1L);
        state.update("x");
        Path dir = b.getDirectory();
        assertThat(dir).isDirectory().startsWith(tmp);
        assertThat(dir.getFileName().toString()).startsWith("rocksdb-Test_Task__1_1_-");
        b.dispose();
        assertThat(Files.exists(dir)).isFalse();
        b.dispose();
        assertThatThrownBy(state::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("disposed");
    }
}

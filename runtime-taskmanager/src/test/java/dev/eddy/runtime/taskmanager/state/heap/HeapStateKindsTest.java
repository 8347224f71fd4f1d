package dev.eddy.runtime.taskmanager.state.heap;

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
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapStateKindsTest {
    private final HeapKeyedStateBackend<Long> backend = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);

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
    void listStateIsScopedToTheCurrentKey() throws Exception {
        ListState<String> state = backend.getPartitionedState(new ListStateDescriptor<>("l", String.class));
        backend.setCurrentKey(1L);
        assertThat(state.get()).isNotNull().isEmpty();
        state.add("a");
        state.addAll(List.of("b", "c"));
        backend.setCurrentKey(2L);
        assertThat(state.get()).isEmpty();
        state.update(List.of("x"));
        backend.setCurrentKey(1L);
        assertThat(state.get()).containsExactly("a", "b", "c");
        state.update(List.of("z", "y"));
        assertThat(state.get()).containsExactly("z", "y");
        state.clear();
        assertThat(state.get()).isEmpty();
        backend.setCurrentKey(2L);
        assertThat(state.get()).containsExactly("x");
        state.update(List.of());
        assertThat(state.get()).isEmpty();
        assertThat(backend.getStateTable("l").size()).isZero();
    }

    @Test
    void listStateRejectsNullElementsAndIgnoresEmptyAddAll() throws Exception {
        ListState<String> state = backend.getPartitionedState(new ListStateDescriptor<>("l", Types.STRING));
        backend.setCurrentKey(1L);
        assertThatThrownBy(() -> state.add(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> state.addAll(java.util.Arrays.asList("a", null))).isInstanceOf(NullPointerException.class);
        state.addAll(List.of());
        state.addAll(null);
        assertThat(state.get()).isEmpty();
        assertThat(backend.getStateTable("l").size()).isZero();
    }

    @Test
    void mapStateIsScopedToTheCurrentKey() throws Exception {
        MapState<String, Integer> state = backend.getPartitionedState(new MapStateDescriptor<>("m", String.class, Integer.class));
        backend.setCurrentKey(1L);
        assertThat(state.isEmpty()).isTrue();
        assertThat(state.get("a")).isNull();
        assertThat(state.contains("a")).isFalse();
        assertThat(state.entries()).isEmpty();
        assertThat(state.keys()).isEmpty();
        assertThat(state.values()).isEmpty();
        assertThat(state.iterator()).isExhausted();
        state.put("a", 1);
        state.putAll(Map.of("b", 2, "c", 3));
        backend.setCurrentKey(2L);
        assertThat(state.isEmpty()).isTrue();
        state.put("a", 100);
        backend.setCurrentKey(1L);
        assertThat(state.get("a")).isEqualTo(1);
        assertThat(state.contains("b")).isTrue();
        assertThat(state.keys()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(state.values()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(state.entries()).containsExactlyInAnyOrder(Map.entry("a", 1), Map.entry("b", 2), Map.entry("c", 3));
        state.remove("b");
        assertThat(state.contains("b")).isFalse();
        assertThat(state.isEmpty()).isFalse();
        state.clear();
        assertThat(state.isEmpty()).isTrue();
        backend.setCurrentKey(2L);
        assertThat(state.get("a")).isEqualTo(100);
        state.remove("a");
        assertThat(state.isEmpty()).isTrue();
        assertThat(backend.getStateTable("m").size()).isZero();
    }

    @Test
    void reducingStateCombinesPerKey() throws Exception {
        ReducingState<Long> state = backend.getPartitionedState(new ReducingStateDescriptor<>("r", Long::sum, Long.class));
        backend.setCurrentKey(1L);
        assertThat(state.get()).isNull();
        state.add(3L);
        assertThat(state.get()).isEqualTo(3L);
        state.add(4L);
        backend.setCurrentKey(2L);
        assertThat(state.get()).isNull();
        state.add(10L);
        backend.setCurrentKey(1L);
        assertThat(state.get()).isEqualTo(7L);
        state.clear();
        assertThat(state.get()).isNull();
        state.add(1L);
        assertThat(state.get()).isEqualTo(1L);
        backend.setCurrentKey(2L);
        assertThat(state.get()).isEqualTo(10L);
    }

    @Test
    void aggregatingStateFoldsIntoAnAccumulatorPerKey() throws Exception {
        AggregatingState<Long, Double> state = backend.getPartitionedState(
                new AggregatingStateDescriptor<>("a", new Average(), long[].class));
        backend.setCurrentKey(1L);
        assertThat(state.get()).isNull();
        state.add(1L);
        state.add(2L);
        backend.setCurrentKey(2L);
        assertThat(state.get()).isNull();
        state.add(10L);
        backend.setCurrentKey(1L);
        state.add(6L);
        assertThat(state.get()).isEqualTo(3.0);
        state.clear();
        assertThat(state.get()).isNull();
        backend.setCurrentKey(2L);
        assertThat(state.get()).isEqualTo(10.0);
    }

    @Test
    void equalDescriptorsGiveTheSameObjectAndNameClashesAcrossKindsFail() throws Exception {
        ListState<String> a = backend.getPartitionedState(new ListStateDescriptor<>("s", String.class));
        ListState<String> b = backend.getPartitionedState(new ListStateDescriptor<>("s", String.class));
        assertThat(a).isSameAs(b);
        assertThatThrownBy(() -> backend.getPartitionedState(new MapStateDescriptor<>("s", String.class, String.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'s'").hasMessageContaining("LIST").hasMessageContaining("MAP");
        assertThatThrownBy(() -> backend.getPartitionedState(new ValueStateDescriptor<>("s", String.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VALUE");
        backend.getPartitionedState(new ReducingStateDescriptor<>("r", Long::sum, Long.class));
        assertThatThrownBy(() -> backend.getPartitionedState(new AggregatingStateDescriptor<>("r", new Average(), long[].class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REDUCING").hasMessageContaining("AGGREGATING");
    }

    @Test
    @SuppressWarnings("unchecked")
    void listValuesAreOrganisedByKeyGroup() throws Exception {
        ListState<Long> state = backend.getPartitionedState(new ListStateDescriptor<>("l", Long.class));
        for (long k = 0; k < 20; k++) {
            backend.setCurrentKey(k);
            state.add(k);
        }
        int kg = KeyGroupRangeAssignment.assignToKeyGroup(7L, 128);
        StateTable<Long, Object> table = (StateTable<Long, Object>) backend.getStateTable("l");
        assertThat(table.get(kg, 7L, null)).isEqualTo(List.of(7L));
        assertThat(table.getKeyGroup(kg).size()).isPositive();
    }

    @Test
    void newKindsNeedACurrentKey() throws Exception {
        ListState<String> list = backend.getPartitionedState(new ListStateDescriptor<>("l", String.class));
        MapState<String, String> map = backend.getPartitionedState(new MapStateDescriptor<>("m", Types.STRING, Types.STRING));
        assertThatThrownBy(list::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("No current key");
        assertThatThrownBy(map::isEmpty).isInstanceOf(IllegalStateException.class).hasMessageContaining("No current key");
    }
}

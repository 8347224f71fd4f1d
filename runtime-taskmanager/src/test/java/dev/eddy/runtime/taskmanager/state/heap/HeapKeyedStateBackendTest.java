package dev.eddy.runtime.taskmanager.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import org.junit.jupiter.api.Test;

class HeapKeyedStateBackendTest {

    @Test
    void valueStateIsScopedToTheCurrentKey() throws Exception {
        HeapKeyedStateBackend<Long> backend = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        ValueState<Long> state = backend.getPartitionedState(new ValueStateDescriptor<>("v", new LongSerializer()));
        backend.setCurrentKey(1L);
        assertThat(state.value()).isNull();
        state.update(10L);
        backend.setCurrentKey(2L);
        assertThat(state.value()).isNull();
        state.update(20L);
        backend.setCurrentKey(1L);
        assertThat(state.value()).isEqualTo(10L);
        state.clear();
        assertThat(state.value()).isNull();
        backend.setCurrentKey(2L);
        assertThat(state.value()).isEqualTo(20L);
        state.update(null);
        assertThat(state.value()).isNull();
    }

    @Test
    void sameDescriptorNameGivesSameStateObject() throws Exception {
        HeapKeyedStateBackend<Long> backend = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        ValueState<Long> a = backend.getPartitionedState(new ValueStateDescriptor<>("v", new LongSerializer()));
        ValueState<Long> b = backend.getPartitionedState(new ValueStateDescriptor<>("v", new LongSerializer()));
        assertThat(a).isSameAs(b);
    }

    @Test
    @SuppressWarnings("unchecked")
    void valuesAreOrganisedByKeyGroup() throws Exception {
        HeapKeyedStateBackend<Long> backend = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        ValueState<Long> state = backend.getPartitionedState(new ValueStateDescriptor<>("v", new LongSerializer()));
        for (long k = 0; k < 50; k++) {
            backend.setCurrentKey(k);
            assertThat(backend.getCurrentKeyGroupIndex()).isEqualTo(KeyGroupRangeAssignment.assignToKeyGroup(k, 128));
            state.update(k * 2);
        }
        StateTable<?, ?> table = backend.getStateTable("v");
        assertThat(table.size()).isEqualTo(50);
        int kg = KeyGroupRangeAssignment.assignToKeyGroup(7L, 128);
        assertThat(((StateTable<Long, Object>) table).get(kg, 7L, null)).isEqualTo(14L);
        table.getKeyGroup(kg).forEach((k, ns, v) -> assertThat(KeyGroupRangeAssignment.assignToKeyGroup(k, 128)).isEqualTo(kg));
    }

    @Test
    void subtaskOwnsItsRangeAndRejectsForeignKeys() {
        HeapKeyedStateBackend<Long> backend = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 4, 1);
        assertThat(backend.getKeyGroupRange()).isEqualTo(new KeyGroupRange(32, 63));
        assertThat(backend.getNumberOfKeyGroups()).isEqualTo(128);
        long foreign = 0;
        while (backend.getKeyGroupRange().contains(KeyGroupRangeAssignment.assignToKeyGroup(foreign, 128))) {
            foreign++;
        }
        long f = foreign;
        assertThatThrownBy(() -> backend.setCurrentKey(f)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not in this subtask's");
    }

    @Test
    void accessWithoutKeyFails() throws Exception {
        HeapKeyedStateBackend<Long> backend = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        ValueState<Long> state = backend.getPartitionedState(new ValueStateDescriptor<>("v", new LongSerializer()));
        assertThatThrownBy(state::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("No current key");
    }
}

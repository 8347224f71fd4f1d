package dev.eddy.runtime.taskmanager.task.chain;

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
import dev.eddy.runtime.taskmanager.state.heap.HeapKeyedStateBackend;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamingRuntimeContextTest {
    static final class Count implements AggregateFunction<Long, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    @Test
    void keyedStateAccessorsFailOutsideAKeyedContext() {
        StreamingRuntimeContext ctx = new StreamingRuntimeContext(null, null, getClass().getClassLoader(), null);
        assertThatThrownBy(() -> ctx.getState(new ValueStateDescriptor<>("v", Long.class)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("keyBy()");
        assertThatThrownBy(() -> ctx.getListState(new ListStateDescriptor<>("l", Long.class)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("keyBy()");
        assertThatThrownBy(() -> ctx.getMapState(new MapStateDescriptor<>("m", Long.class, Long.class)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("keyBy()");
        assertThatThrownBy(() -> ctx.getReducingState(new ReducingStateDescriptor<>("r", Long::sum, Long.class)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("keyBy()");
        assertThatThrownBy(() -> ctx.getAggregatingState(new AggregatingStateDescriptor<>("a", new Count(), Long.class)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("keyBy()");
    }

    @Test
    void keyedStateAccessorsReachTheBackend() throws Exception {
        HeapKeyedStateBackend<Long> backend = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        StreamingRuntimeContext ctx = new StreamingRuntimeContext(null, null, getClass().getClassLoader(), backend);
        ListState<Long> list = ctx.getListState(new ListStateDescriptor<>("l", Long.class));
        MapState<Long, Long> map = ctx.getMapState(new MapStateDescriptor<>("m", Long.class, Long.class));
        ReducingState<Long> sum = ctx.getReducingState(new ReducingStateDescriptor<>("r", Long::sum, Long.class));
        AggregatingState<Long, Long> count = ctx.getAggregatingState(new AggregatingStateDescriptor<>("a", new Count(), Long.class));
        backend.setCurrentKey(5L);
        list.add(1L);
        map.put(2L, 3L);
        sum.add(4L);
        sum.add(5L);
        count.add(7L);
        count.add(7L);
        count.add(7L);
        assertThat(ctx.getListState(new ListStateDescriptor<>("l", Long.class))).isSameAs(list);
        assertThat(backend.getStateTable("l").size()).isEqualTo(1);
        assertThat(backend.getStateTable("m").size()).isEqualTo(1);
        assertThat(sum.get()).isEqualTo(9L);
        assertThat(count.get()).isEqualTo(3L);
    }

    @Test
    void stateWithTtlFromTheRuntimeContextExpires() throws Exception {
        long[] now = {0};
        HeapKeyedStateBackend<Long> backend = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0, () -> now[0]);
        StreamingRuntimeContext ctx = new StreamingRuntimeContext(null, null, getClass().getClassLoader(), backend);
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("v", Long.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(1)).build());
        ValueState<Long> state = ctx.getState(descriptor);
        backend.setCurrentKey(5L);
        state.update(3L);
        now[0] = 999;
        assertThat(state.value()).isEqualTo(3L);
        now[0] = 1000;
        assertThat(state.value()).isNull();
    }
}

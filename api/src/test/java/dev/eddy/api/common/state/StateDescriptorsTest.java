package dev.eddy.api.common.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.typeutils.ListTypeInfo;
import dev.eddy.api.java.typeutils.MapTypeInfo;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.streaming.util.TestKeyedStateBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDescriptorsTest {
    /** Concatenates strings; the accumulator is a StringBuilder. */
    static final class Concat implements AggregateFunction<String, StringBuilder, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuilder createAccumulator() {
            return new StringBuilder();
        }

        @Override
        public StringBuilder add(String value, StringBuilder acc) {
            return acc.append(value);
        }

        @Override
        public String getResult(StringBuilder acc) {
            return acc.toString();
        }

        @Override
        public StringBuilder merge(StringBuilder a, StringBuilder b) {
            return a.append(b);
        }
    }

    @Test
    void descriptorsCarryKindAndTypes() {
        ListStateDescriptor<Long> list = new ListStateDescriptor<>("l", Long.class);
        assertThat(list.getType()).isEqualTo(StateDescriptor.Type.LIST);
        assertThat(list.getTypeInformation()).isEqualTo(new ListTypeInfo<>(Types.LONG));
        assertThat(list.getElementTypeInformation()).isEqualTo(Types.LONG);
        assertThat(list.getSerializer()).isNotNull();
        assertThat(list).isEqualTo(new ListStateDescriptor<>("l", Types.LONG));

        MapStateDescriptor<String, Long> map = new MapStateDescriptor<>("m", Types.STRING, Types.LONG);
        assertThat(map.getType()).isEqualTo(StateDescriptor.Type.MAP);
        assertThat(map.getTypeInformation()).isEqualTo(new MapTypeInfo<>(String.class, Long.class));
        assertThat(map.getKeyTypeInformation()).isEqualTo(Types.STRING);
        assertThat(map.getValueTypeInformation()).isEqualTo(Types.LONG);

        ReduceFunction<Long> sum = Long::sum;
        ReducingStateDescriptor<Long> reducing = new ReducingStateDescriptor<>("r", sum, Types.LONG);
        assertThat(reducing.getType()).isEqualTo(StateDescriptor.Type.REDUCING);
        assertThat(reducing.getReduceFunction()).isSameAs(sum);

        Concat concat = new Concat();
        AggregatingStateDescriptor<String, StringBuilder, String> agg = new AggregatingStateDescriptor<>("a", concat, StringBuilder.class);
        assertThat(agg.getType()).isEqualTo(StateDescriptor.Type.AGGREGATING);
        assertThat(agg.getAggregateFunction()).isSameAs(concat);
        assertThat(agg.getTypeInformation().getTypeClass()).isEqualTo(StringBuilder.class);
    }

    @Test
    void testBackendScopesReducingAggregatingAndListStateToTheKey() throws Exception {
        TestKeyedStateBackend backend = new TestKeyedStateBackend(128, KeyGroupRange.of(0, 127));
        ReducingState<Long> max = backend.getPartitionedState(new ReducingStateDescriptor<>("max", Math::max, Long.class));
        AggregatingState<String, String> concat = backend.getPartitionedState(
                new AggregatingStateDescriptor<>("cat", new Concat(), StringBuilder.class));
        ListState<String> list = backend.getPartitionedState(new ListStateDescriptor<>("l", String.class));
        backend.setCurrentKey("k1");
        assertThat(max.get()).isNull();
        assertThat(concat.get()).isNull();
        assertThat(list.get()).isEmpty();
        max.add(3L);
        max.add(9L);
        max.add(5L);
        concat.add("a");
        concat.add("b");
        list.update(List.of("p", "q"));
        backend.setCurrentKey("k2");
        assertThat(max.get()).isNull();
        assertThat(concat.get()).isNull();
        assertThat(list.get()).isEmpty();
        max.add(1L);
        backend.setCurrentKey("k1");
        assertThat(max.get()).isEqualTo(9L);
        assertThat(concat.get()).isEqualTo("ab");
        assertThat(list.get()).containsExactly("p", "q");
        max.clear();
        concat.clear();
        assertThat(max.get()).isNull();
        assertThat(concat.get()).isNull();
        backend.setCurrentKey("k2");
        assertThat(max.get()).isEqualTo(1L);
        assertThat(backend.getTable("max")).isEqualTo(Map.of("k2", 1L));
    }
}

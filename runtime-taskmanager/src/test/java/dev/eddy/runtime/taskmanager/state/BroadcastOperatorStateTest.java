package dev.eddy.runtime.taskmanager.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.state.BroadcastState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.proto.OperatorStatePartProto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Broadcast state in {@link DefaultOperatorStateStore}: BROADCAST parts, restore, name clashes. */
class BroadcastOperatorStateTest {
    static final MapStateDescriptor<String, Long> RULES = new MapStateDescriptor<>("rules", Types.STRING, Types.LONG);

    private static Map<String, Long> contents(BroadcastState<String, Long> state) throws Exception {
        Map<String, Long> m = new HashMap<>();
        state.entries().forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    @Test
    void roundTripsThroughABroadcastPartWithOneElementPerEntry() throws Exception {
        DefaultOperatorStateStore store = new DefaultOperatorStateStore(List.of());
        BroadcastState<String, Long> rules = store.getBroadcastState(RULES);
        rules.put("a", 1L);
        rules.put("b", null);
        rules.putAll(Map.of("c", 3L));
        rules.remove("c");
        assertThat(store.getBroadcastState(RULES)).isSameAs(rules);

        List<OperatorStatePartProto> parts = store.snapshot();
        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("rules");
            assertThat(p.getMode()).isEqualTo(OperatorStatePartProto.Mode.BROADCAST);
            assertThat(p.getElementsCount()).isEqualTo(2);
        });

        DefaultOperatorStateStore restored = new DefaultOperatorStateStore(parts);
        BroadcastState<String, Long> back = restored.getBroadcastState(RULES);
        assertThat(back.contains("b")).isTrue();
        assertThat(back.get("b")).isNull();
        Map<String, Long> expected = new HashMap<>();
        expected.put("a", 1L);
        expected.put("b", null);
        assertThat(contents(back)).isEqualTo(expected);
    }

    @Test
    void anUnrequestedRestoredBroadcastStateIsWrittenBackUnchanged() throws Exception {
        DefaultOperatorStateStore store = new DefaultOperatorStateStore(List.of());
        store.getBroadcastState(RULES).put("x", 7L);
        List<OperatorStatePartProto> parts = store.snapshot();

        assertThat(new DefaultOperatorStateStore(parts).snapshot()).isEqualTo(parts);
    }

    @Test
    void aNameIsEitherAListStateOrABroadcastState() throws Exception {
        DefaultOperatorStateStore store = new DefaultOperatorStateStore(List.of());
        store.getBroadcastState(RULES);
        assertThatThrownBy(() -> store.getListState(new ListStateDescriptor<>("rules", String.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already a broadcast state");

        DefaultOperatorStateStore other = new DefaultOperatorStateStore(List.of());
        other.getUnionListState(new ListStateDescriptor<>("rules", String.class));
        assertThatThrownBy(() -> other.getBroadcastState(RULES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already a list state");

        DefaultOperatorStateStore restoredAsList = new DefaultOperatorStateStore(List.of(OperatorStatePartProto.newBuilder()
                .setName("rules").setMode(OperatorStatePartProto.Mode.SPLIT_DISTRIBUTE).build()));
        assertThatThrownBy(() -> restoredAsList.getBroadcastState(RULES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("restored as a split list state");
    }
}

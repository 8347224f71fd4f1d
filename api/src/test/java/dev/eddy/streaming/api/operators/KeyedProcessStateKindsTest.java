package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import dev.eddy.util.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A keyed process function keeping list and map state, through the operator test harness. */
class KeyedProcessStateKindsTest {
    private static final KeySelector<String, String> FIRST_CHAR = v -> v.substring(0, 1);

    /**
     * For "kw" (key k, word w) remembers every word of the key in a list and counts each word in a
     * map; "k!" emits the key's words and counts, then clears both states.
     */
    static final class WordMemory extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ListState<String> words;
        private transient MapState<String, Integer> counts;

        @Override
        public void open(OpenContext openContext) {
            words = getRuntimeContext().getListState(new ListStateDescriptor<>("words", Types.STRING));
            counts = getRuntimeContext().getMapState(new MapStateDescriptor<>("counts", String.class, Integer.class));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            String word = value.substring(1);
            if (word.equals("!")) {
                List<String> all = new ArrayList<>();
                words.get().forEach(all::add);
                Map<String, Integer> sorted = new TreeMap<>();
                counts.entries().forEach(e -> sorted.put(e.getKey(), e.getValue()));
                out.collect(ctx.getCurrentKey() + " " + all + " " + sorted + " empty=" + counts.isEmpty());
                words.clear();
                counts.clear();
                return;
            }
            words.add(word);
            Integer c = counts.get(word);
            counts.put(word, c == null ? 1 : c + 1);
        }
    }

    @Test
    void listAndMapStateAreScopedToTheKeyAndCleared() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> h =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new WordMemory()), FIRST_CHAR);
        h.open();
        h.processElement("ax", 1L);
        h.processElement("by", 1L);
        h.processElement("az", 2L);
        h.processElement("ax", 3L);
        h.processElement("a!", 4L);
        h.processElement("a!", 5L);
        h.processElement("b!", 6L);
        assertThat(h.getOutput()).containsExactly(
                new StreamRecord<>("a [x, z, x] {x=2, z=1} empty=false", 4L),
                new StreamRecord<>("a [] {} empty=true", 5L),
                new StreamRecord<>("b [y] {y=1} empty=false", 6L));
        assertThat(h.getKeyedStateBackend().getTable("words")).isEmpty();
        assertThat(h.getKeyedStateBackend().getTable("counts")).isEmpty();
        h.close();
    }

    @Test
    void sameNameWithAnotherKindFails() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> h =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new WordMemory()), FIRST_CHAR);
        h.open();
        assertThatThrownBy(() -> h.getKeyedStateBackend().getPartitionedState(
                        new MapStateDescriptor<>("words", String.class, String.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'words'").hasMessageContaining("LIST");
        h.close();
    }
}

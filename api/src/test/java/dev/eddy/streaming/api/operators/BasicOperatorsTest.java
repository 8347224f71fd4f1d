package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.FilterFunction;
import dev.eddy.api.common.functions.FlatMapFunction;
import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.functions.RichMapFunction;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.util.OneInputStreamOperatorTestHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BasicOperatorsTest {

    @Test
    void mapKeepsTimestampsAndForwardsWatermarks() throws Exception {
        OneInputStreamOperatorTestHarness<Integer, String> h =
                new OneInputStreamOperatorTestHarness<>(new StreamMap<>((MapFunction<Integer, String>) v -> "v" + v));
        h.open();
        h.processElement(1, 10L);
        h.processElement(new StreamRecord<>(2));
        h.processWatermark(11L);
        assertThat(h.getOutput()).containsExactly(
                new StreamRecord<>("v1", 10L), new StreamRecord<>("v2"), new Watermark(11L));
        h.close();
    }

    @Test
    void filterForwardsOnlyAcceptedRecords() throws Exception {
        OneInputStreamOperatorTestHarness<Integer, Integer> h =
                new OneInputStreamOperatorTestHarness<>(new StreamFilter<>((FilterFunction<Integer>) v -> v % 2 == 0));
        h.open();
        for (int i = 0; i < 6; i++) {
            h.processElement(i, i);
        }
        assertThat(h.extractOutputStreamRecords()).containsExactly(
                new StreamRecord<>(0, 0L), new StreamRecord<>(2, 2L), new StreamRecord<>(4, 4L));
    }

    @Test
    void flatMapEmitsEachOutputWithTheInputTimestamp() throws Exception {
        FlatMapFunction<String, String> split = (line, out) -> {
            for (String w : line.split(" ")) {
                out.collect(w);
            }
        };
        OneInputStreamOperatorTestHarness<String, String> h = new OneInputStreamOperatorTestHarness<>(new StreamFlatMap<>(split));
        h.open();
        h.processElement("a b", 5L);
        h.processElement(new StreamRecord<>("c"));
        h.processElement("", 7L);
        assertThat(h.getOutput()).containsExactly(
                new StreamRecord<>("a", 5L), new StreamRecord<>("b", 5L), new StreamRecord<>("c"), new StreamRecord<>("", 7L));
    }

    @Test
    void richFunctionIsOpenedWithRuntimeContextAndClosed() throws Exception {
        OneInputStreamOperatorTestHarness<Integer, String> h =
                new OneInputStreamOperatorTestHarness<>(new StreamMap<>(new SubtaskTagger()), 3, 2);
        h.open();
        h.processElement(7);
        SubtaskTagger fn = (SubtaskTagger) ((StreamMap<Integer, String>) h.getOperator()).getUserFunction();
        assertThat(fn.events).containsExactly("open");
        h.close();
        assertThat(fn.events).containsExactly("open", "close");
        assertThat(h.extractOutputValues()).containsExactly("3/3:7");
    }

    @Test
    void operatorPrototypeIsNotMutatedByTheHarness() throws Exception {
        SubtaskTagger fn = new SubtaskTagger();
        OneInputStreamOperatorTestHarness<Integer, String> h = new OneInputStreamOperatorTestHarness<>(new StreamMap<>(fn));
        h.open();
        assertThat(fn.events).isEmpty();
        assertThatThrownBy(fn::getRuntimeContext).isInstanceOf(IllegalStateException.class).hasMessageContaining("open()");
    }

    @Test
    void timestampedCollectorReusesOneRecord() {
        List<StreamRecord<String>> seen = new ArrayList<>();
        Output<StreamRecord<String>> out = new Output<>() {
            @Override
            public void emitWatermark(Watermark mark) {}

            @Override
            public void collect(StreamRecord<String> record) {
                seen.add(record);
            }

            @Override
            public void close() {}
        };
        TimestampedCollector<String> c = new TimestampedCollector<>(out);
        c.setAbsoluteTimestamp(3);
        c.collect("a");
        c.eraseTimestamp();
        c.collect("b");
        assertThat(seen.get(0)).isSameAs(seen.get(1));
        assertThat(seen.get(1).hasTimestamp()).isFalse();
    }

    static final class SubtaskTagger extends RichMapFunction<Integer, String> {
        private static final long serialVersionUID = 1L;
        final List<String> events = new ArrayList<>();
        private String tag;

        @Override
        public void open(OpenContext openContext) {
            events.add("open");
            tag = (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + 1) + "/"
                    + getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        }

        @Override
        public void close() {
            events.add("close");
        }

        @Override
        public String map(Integer value) {
            return tag + ":" + value;
        }
    }
}

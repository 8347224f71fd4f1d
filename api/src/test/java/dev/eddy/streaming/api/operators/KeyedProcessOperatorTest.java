package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import dev.eddy.streaming.util.TestTypes;
import dev.eddy.util.Collector;
import org.junit.jupiter.api.Test;

class KeyedProcessOperatorTest {
    private static final KeySelector<String, String> FIRST_CHAR = v -> v.substring(0, 1);

    /** For "k:t" registers an event-time timer at t for key k; timers print key, time, domain and watermark. */
    static final class EventTimerFunction extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            long t = Long.parseLong(value.substring(2));
            if (t < 0) {
                ctx.timerService().deleteEventTimeTimer(-t);
            } else {
                ctx.timerService().registerEventTimeTimer(t);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + timestamp + " " + ctx.timeDomain() + " wm="
                    + ctx.timerService().currentWatermark() + " ts=" + ctx.timestamp());
        }
    }

    @Test
    void eventTimersFireInOrderBeforeTheWatermarkWithTheirKey() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> h =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new EventTimerFunction()), FIRST_CHAR);
        h.open();
        h.processElement("a:20", 1L);
        h.processElement("b:10", 1L);
        h.processElement("a:10", 1L);
        h.processElement("a:10", 2L); // duplicate: one firing
        h.processWatermark(9L);
        h.processWatermark(15L);
        h.processWatermark(30L);
        assertThat(h.getOutput()).containsExactly(
                new Watermark(9L),
                new StreamRecord<>("b@10 EVENT_TIME wm=15 ts=10", 10L),
                new StreamRecord<>("a@10 EVENT_TIME wm=15 ts=10", 10L),
                new Watermark(15L),
                new StreamRecord<>("a@20 EVENT_TIME wm=30 ts=20", 20L),
                new Watermark(30L));
        assertThat(((KeyedProcessOperator<?, ?, ?>) h.getOperator()).numEventTimeTimers()).isZero();
    }

    @Test
    void deletedTimersDoNotFire() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> h =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new EventTimerFunction()), FIRST_CHAR);
        h.open();
        h.processElement("a:10");
        h.processElement("b:10");
        h.processElement("a:-10");
        h.processWatermark(100L);
        assertThat(h.extractOutputValues()).containsExactly("b@10 EVENT_TIME wm=100 ts=10");
    }

    @Test
    void processingTimeTimersFireWhenTheClockAdvancesWithoutTimestamp() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ProcessingTimers()), FIRST_CHAR);
        h.open();
        h.setProcessingTime(100);
        h.processElement("a:100", 7L);
        h.processElement("b:50", 7L);
        h.processElement("c:50", 7L);
        h.setProcessingTime(149);
        assertThat(h.extractOutputValues()).isEmpty();
        h.setProcessingTime(200);
        h.setProcessingTime(399);
        h.setProcessingTime(400);
        assertThat(h.extractOutputStreamRecords()).containsExactly(
                new StreamRecord<>("b@150 PROCESSING_TIME"),
                new StreamRecord<>("c@150 PROCESSING_TIME"),
                new StreamRecord<>("a@200 PROCESSING_TIME"),
                new StreamRecord<>("b@400 PROCESSING_TIME"),
                new StreamRecord<>("c@400 PROCESSING_TIME"));
        assertThat(h.getProcessingTimeService().getNumActiveTimers()).isZero();
    }

    @Test
    void keyedStateIsScopedToTheRecordsKey() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new Counter()), FIRST_CHAR);
        h.open();
        h.processElement("a1", 1L);
        h.processElement("b1", 2L);
        h.processElement("a2", 3L);
        h.processElement(new StreamRecord<>("a3"));
        assertThat(h.extractOutputStreamRecords()).containsExactly(
                new StreamRecord<>("a=1 ts=1", 1L), new StreamRecord<>("b=1 ts=2", 2L),
                new StreamRecord<>("a=2 ts=3", 3L), new StreamRecord<>("a=3 ts=null"));
    }

    static final class ProcessingTimers extends KeyedProcessFunction<String, String, String> {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void processElement(String value, Context ctx, Collector<String> out) {
                        long t = Long.parseLong(value.substring(2));
                        ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + t);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
                        out.collect(ctx.getCurrentKey() + "@" + timestamp + " " + ctx.timeDomain());
                        if (timestamp == 150) {
                            ctx.timerService().registerProcessingTimeTimer(400);
                        }
                    }
    }

    static final class Counter extends KeyedProcessFunction<String, String, String> {
                    private static final long serialVersionUID = 1L;
                    private transient ValueState<Integer> count;

                    @Override
                    public void open(OpenContext openContext) {
                        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", TestTypes.INT));
                    }

                    @Override
                    public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
                        Integer c = count.value();
                        int next = c == null ? 1 : c + 1;
                        count.update(next);
                        out.collect(ctx.getCurrentKey() + "=" + next + " ts=" + ctx.timestamp());
                    }
    }
}

package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.streaming.api.functions.ProcessFunction;
import dev.eddy.streaming.api.functions.TimerService;
import dev.eddy.util.Collector;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ProcessOperatorTest {

    @Test
    void contextExposesTimestampWatermarkAndProcessingTime() throws Exception {
        OneInputStreamOperatorTestHarness<String, String> h = new OneInputStreamOperatorTestHarness<>(
                new ProcessOperator<>(new Describe()));
        h.open();
        h.setProcessingTime(42);
        h.processElement("a", 5L);
        h.processWatermark(6L);
        h.processElement(new StreamRecord<>("b"));
        assertThat(h.extractOutputStreamRecords()).containsExactly(
                new StreamRecord<>("a@5 wm=" + Long.MIN_VALUE + " pt=42", 5L),
                new StreamRecord<>("b@null wm=6 pt=42"));
    }

    static final class Describe extends ProcessFunction<String, String> {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void processElement(String value, Context ctx, Collector<String> out) {
                        out.collect(value + "@" + ctx.timestamp() + " wm=" + ctx.timerService().currentWatermark()
                                + " pt=" + ctx.timerService().currentProcessingTime());
                    }
    }

    @Test
    void timersAreRejectedOnNonKeyedStreams() throws Exception {
        OneInputStreamOperatorTestHarness<String, String> h = new OneInputStreamOperatorTestHarness<>(
                new ProcessOperator<>(new SetsTimer()));
        h.open();
        assertThatThrownBy(() -> h.processElement("a", 1L))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage(TimerService.UNSUPPORTED_REGISTER_TIMER_MSG)
                .hasMessage("Setting timers is only supported on a keyed streams.");
    }

    static final class SetsTimer extends ProcessFunction<String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(10);
        }
    }
}

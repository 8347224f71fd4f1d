package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AbstractStreamOperator's two-input combination: the minimum over inputs that are not idle. */
class TwoInputWatermarkStatusTest {
    private final List<String> out = new ArrayList<>();

    private static final class TwoInput extends AbstractStreamOperator<String> implements TwoInputStreamOperator<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement1(StreamRecord<String> element) {}

        @Override
        public void processElement2(StreamRecord<String> element) {}
    }

    private TwoInput operator() {
        TwoInput op = new TwoInput();
        Output<StreamRecord<String>> output = new Output<>() {
            @Override
            public void emitWatermark(Watermark mark) {
                out.add("W" + mark.getTimestamp());
            }

            @Override
            public void emitWatermarkStatus(WatermarkStatus status) {
                out.add(status.isIdle() ? "IDLE" : "ACTIVE");
            }

            @Override
            public void collect(StreamRecord<String> record) {}

            @Override
            public void close() {}
        };
        op.setup(new StreamOperatorParameters<>() {
            @Override
            public Output<StreamRecord<String>> getOutput() {
                return output;
            }

            @Override
            public RuntimeContext getRuntimeContext() {
                return null;
            }

            @Override
            public ProcessingTimeService getProcessingTimeService() {
                return null;
            }

            @Override
            public MailboxExecutor getMailboxExecutor() {
                return null;
            }

            @Override
            public KeyedStateBackend<Object> getKeyedStateBackend() {
                return null;
            }

            @Override
            public KeySelector<?, ?> getStateKeySelector(int input) {
                return null;
            }
        });
        return op;
    }

    @Test
    void anIdleInputDoesNotHoldBackTheOtherAndBothIdleMakeTheOperatorIdle() throws Exception {
        TwoInput op = operator();
        op.processWatermark1(new Watermark(10));
        assertThat(out).isEmpty(); // input 2 has no watermark yet
        op.processWatermarkStatus2(WatermarkStatus.IDLE);
        op.processWatermark1(new Watermark(20));
        op.processWatermarkStatus1(WatermarkStatus.IDLE);
        op.processWatermarkStatus2(WatermarkStatus.ACTIVE);
        op.processWatermark2(new Watermark(5)); // behind: event time does not go back
        op.processWatermark2(new Watermark(30));
        assertThat(out).containsExactly("W10", "W20", "IDLE", "ACTIVE", "W30");
        assertThat(op.getCurrentWatermark()).isEqualTo(30);
    }

    @Test
    void oneInputOperatorsForwardTheStatus() throws Exception {
        TwoInput op = operator();
        op.processWatermarkStatus(WatermarkStatus.IDLE);
        assertThat(out).containsExactly("IDLE");
    }
}

package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.util.TestKeyedStateBackend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbstractStreamOperatorTest {

    /** A two-input operator that emits nothing but watermarks. */
    static final class TwoInput extends AbstractStreamOperator<String> implements TwoInputStreamOperator<String, Integer, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement1(StreamRecord<String> element) {}

        @Override
        public void processElement2(StreamRecord<Integer> element) {}
    }

    private static <T> StreamOperatorParameters<T> params(List<Object> out, KeyedStateBackend<Object> backend,
            KeySelector<?, ?> key1, KeySelector<?, ?> key2) {
        return new StreamOperatorParameters<>() {
            @Override
            public Output<StreamRecord<T>> getOutput() {
                return new Output<>() {
                    @Override
                    public void emitWatermark(Watermark mark) {
                        out.add(mark);
                    }

                    @Override
                    public void collect(StreamRecord<T> record) {
                        out.add(record.copy(record.getValue()));
                    }

                    @Override
                    public void close() {}
                };
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
                return backend;
            }

            @Override
            public KeySelector<?, ?> getStateKeySelector(int input) {
                return input == 0 ? key1 : key2;
            }
        };
    }

    @Test
    void twoInputOperatorsAdvanceToTheMinimumOfBothInputs() throws Exception {
        List<Object> out = new ArrayList<>();
        TwoInput op = new TwoInput();
        op.setup(params(out, null, null, null));
        op.open();
        op.processWatermark1(new Watermark(10));
        op.processWatermark2(new Watermark(5));
        op.processWatermark2(new Watermark(20));
        op.processWatermark1(new Watermark(15));
        op.processWatermark1(new Watermark(30));
        assertThat(out).containsExactly(new Watermark(5), new Watermark(10), new Watermark(15), new Watermark(20));
        assertThat(op.getCurrentWatermark()).isEqualTo(20);
    }

    @Test
    void keyContextComesFromEachInputsSelector() throws Exception {
        TestKeyedStateBackend backend = new TestKeyedStateBackend(128, KeyGroupRange.of(0, 127));
        KeySelector<String, String> k1 = s -> s.substring(0, 1);
        KeySelector<Integer, Integer> k2 = i -> i % 10;
        TwoInput op = new TwoInput();
        op.setup(params(new ArrayList<>(), backend, k1, k2));
        op.setKeyContextElement1(new StreamRecord<>("abc"));
        assertThat(op.getCurrentKey()).isEqualTo("a");
        op.setKeyContextElement2(new StreamRecord<>(123));
        assertThat(op.getCurrentKey()).isEqualTo(3);
        assertThat(backend.getCurrentKey()).isEqualTo(3);
    }
}

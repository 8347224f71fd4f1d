package dev.eddy.streaming.api.operators.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.connector.sink2.Sink;
import dev.eddy.api.connector.sink2.SinkWriter;
import dev.eddy.connector.testing.TestSubtask;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkWriterOperatorTest {
    /** Records every writer call in a static log (the sink is serializable configuration only). */
    static final List<String> LOG = new ArrayList<>();

    static final class RecordingSink implements Sink<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<String> createWriter(dev.eddy.api.connector.sink2.WriterInitContext context) {
            LOG.add("create " + context.getSubtaskId() + "/" + context.getNumberOfParallelSubtasks());
            return new SinkWriter<>() {
                @Override
                public void write(String element, Context ctx) {
                    LOG.add("write " + element + " ts=" + ctx.timestamp() + " wm=" + ctx.currentWatermark());
                }

                @Override
                public void flush(boolean endOfInput) {
                    LOG.add("flush " + endOfInput);
                }

                @Override
                public void writeWatermark(dev.eddy.api.common.eventtime.Watermark watermark) {
                    LOG.add("watermark " + watermark.getTimestamp());
                }

                @Override
                public void close() {
                    LOG.add("close");
                }
            };
        }
    }

    @Test
    void drivesTheWriterThroughItsLifecycle() throws Exception {
        LOG.clear();
        TestSubtask<Void> subtask = new TestSubtask<>(1, 3);
        SinkWriterOperator<String> operator = new SinkWriterOperator<>(new RecordingSink());
        operator.setup(subtask.parameters());
        operator.open();
        operator.processElement(new StreamRecord<>("a"));
        operator.processWatermark(new Watermark(10));
        operator.processElement(new StreamRecord<>("b", 12));
        operator.finish();
        operator.close();
        operator.close(); // a second close is harmless

        assertThat(LOG).containsExactly("create 1/3", "write a ts=null wm=" + Long.MIN_VALUE, "watermark 10",
                "write b ts=12 wm=10", "flush true", "close");
        assertThat(subtask.watermarks()).containsExactly(new Watermark(10));
    }

    @Test
    void closeWithoutFinishDoesNotFlushForEndOfInput() throws Exception {
        LOG.clear();
        SinkWriterOperator<String> operator = new SinkWriterOperator<>(new RecordingSink());
        operator.setup(new TestSubtask<Void>(0, 1).parameters());
        operator.open();
        operator.processElement(new StreamRecord<>("a"));
        operator.close();

        assertThat(LOG).doesNotContain("flush true").endsWith("close");
    }
}

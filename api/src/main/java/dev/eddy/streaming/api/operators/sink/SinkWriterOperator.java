package dev.eddy.streaming.api.operators.sink;

import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.connector.sink2.Sink;
import dev.eddy.api.connector.sink2.SinkWriter;
import dev.eddy.api.connector.sink2.WriterInitContext;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/**
 * Runs a {@link Sink}'s {@link SinkWriter}: creates it in {@link #open()}, writes every record,
 * passes watermarks to it (and forwards them downstream), flushes it with {@code endOfInput = true}
 * in {@link #finish()} and closes it in {@link #close()}.
 *
 * <p>Threading: task thread only, in the order setup, open, processElement/processWatermark,
 * finish (only when the input ended), close (always). Checkpoint-time flushing and committers come
 * with checkpointing.
 */
public class SinkWriterOperator<T> implements OneInputStreamOperator<T, Void> {
    private static final long serialVersionUID = 1L;
    private final Sink<T> sink;

    private transient StreamOperatorParameters<Void> parameters;
    private transient SinkWriter<T> writer;
    private transient RecordContext context;
    private transient boolean finished;

    public SinkWriterOperator(Sink<T> sink) {
        if (sink == null) {
            throw new IllegalArgumentException("sink must not be null");
        }
        this.sink = sink;
    }

    public Sink<T> getSink() {
        return sink;
    }

    @Override
    public void setup(StreamOperatorParameters<Void> parameters) {
        this.parameters = parameters;
    }

    @Override
    public void open() throws Exception {
        if (parameters == null) {
            throw new IllegalStateException("SinkWriterOperator for " + sink + " opened before setup()");
        }
        context = new RecordContext();
        writer = sink.createWriter(new InitContext(parameters));
    }

    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        context.record = element;
        writer.write(element.getValue(), context);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        context.watermark = mark.getTimestamp();
        writer.writeWatermark(new dev.eddy.api.common.eventtime.Watermark(mark.getTimestamp()));
        parameters.getOutput().emitWatermark(mark);
    }

    @Override
    public void finish() throws Exception {
        if (writer != null && !finished) {
            finished = true;
            writer.flush(true);
        }
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            SinkWriter<T> w = writer;
            writer = null;
            w.close();
        }
    }

    /** The per-record context handed to the writer; reused. */
    private static final class RecordContext implements SinkWriter.Context {
        private StreamRecord<?> record;
        private long watermark = Long.MIN_VALUE;

        @Override
        public long currentWatermark() {
            return watermark;
        }

        @Override
        public Long timestamp() {
            return record != null && record.hasTimestamp() ? record.getTimestamp() : null;
        }
    }

    private static final class InitContext implements WriterInitContext {
        private final StreamOperatorParameters<Void> parameters;

        InitContext(StreamOperatorParameters<Void> parameters) {
            this.parameters = parameters;
        }

        @Override
        public TaskInfo getTaskInfo() {
            return parameters.getRuntimeContext().getTaskInfo();
        }

        @Override
        public JobInfo getJobInfo() {
            return parameters.getRuntimeContext().getJobInfo();
        }

        @Override
        public ProcessingTimeService getProcessingTimeService() {
            return parameters.getProcessingTimeService();
        }

        @Override
        public MailboxExecutor getMailboxExecutor() {
            return parameters.getMailboxExecutor();
        }

        @Override
        public ClassLoader getUserCodeClassLoader() {
            return parameters.getRuntimeContext().getUserCodeClassLoader();
        }
    }
}

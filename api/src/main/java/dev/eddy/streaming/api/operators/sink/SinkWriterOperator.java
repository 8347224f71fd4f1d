package dev.eddy.streaming.api.operators.sink;

import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.OperatorStateStore;
import dev.eddy.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.eddy.api.connector.sink2.CommitterInitContext;
import dev.eddy.api.connector.sink2.CommittingSinkWriter;
import dev.eddy.api.connector.sink2.Sink;
import dev.eddy.api.connector.sink2.StatefulSinkWriter;
import dev.eddy.api.connector.sink2.SupportsCommitter;
import dev.eddy.api.connector.sink2.SupportsWriterState;
import dev.eddy.core.io.SimpleVersionedSerialization;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.StateSnapshotContext;
import java.util.ArrayList;
import java.util.List;
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
 * <p><b>Checkpoints.</b> {@link #prepareSnapshotPreBarrier} flushes the writer; for a sink that
 * {@link SupportsCommitter supports a committer} it then calls
 * {@link CommittingSinkWriter#prepareCommit()} and keeps the committables under the checkpoint id.
 * {@link #snapshotState} stores them (also those whose commit is in flight) and, for a
 * {@link SupportsWriterState} sink, the writer's state. {@link #notifyCheckpointComplete} commits
 * every committable of checkpoints up to that id on the committer thread (see
 * {@link CommitterHandler}); the task thread never waits for a commit. On restore, the restored
 * committables are committed at open, and a stateful writer is restored from its share of the
 * writer states (others restart clean). At the end of input ({@link #finish()}) the last
 * committables are committed synchronously (known gap: there is no final checkpoint, so a failure
 * between the end of input and the end of the job may repeat the last commits' data).
 *
 * <p>Threading: task thread only, in the order setup, initializeState (optional in tests), open,
 * processElement/processWatermark with checkpoint calls in between, finish (only when the input
 * ended), close (always).
 */
public class SinkWriterOperator<T> implements OneInputStreamOperator<T, Void> {
    private static final long serialVersionUID = 1L;
    static final String WRITER_STATE_NAME = "writer_raw_states";
    private final Sink<T> sink;

    private transient StreamOperatorParameters<Void> parameters;
    private transient SinkWriter<T> writer;
    private transient RecordContext context;
    private transient boolean finished;
    private transient CommitterHandler<?> committerHandler;
    private transient ListState<byte[]> writerState;
    private transient List<byte[]> restoredWriterStates;
    private transient boolean restored;
    private transient long restoredCheckpointId = Long.MIN_VALUE;

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
    public void initializeState(StateInitializationContext stateContext) throws Exception {
        requireSetUp("initialized");
        OperatorStateStore store = stateContext.getOperatorStateStore();
        restored = stateContext.isRestored();
        if (sink instanceof SupportsWriterState) {
            writerState = store.getListState(new ListStateDescriptor<>(WRITER_STATE_NAME,
                    PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
            restoredWriterStates = new ArrayList<>();
            if (restored) {
                writerState.get().forEach(restoredWriterStates::add);
            }
        }
        if (sink instanceof SupportsCommitter) {
            committerHandler = createCommitterHandler((SupportsCommitter<?>) sink);
            restoredCheckpointId = committerHandler.initializeState(store, restored);
        }
    }

    private <C> CommitterHandler<C> createCommitterHandler(SupportsCommitter<C> committing) throws Exception {
        return new CommitterHandler<>(committing.createCommitter(new CommitterContext(parameters)),
                committing.getCommittableSerializer(), parameters.getMailboxExecutor(),
                "Sink " + sink + " subtask " + parameters.getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
    }

    @Override
    public void open() throws Exception {
        requireSetUp("opened");
        context = new RecordContext();
        if (sink instanceof SupportsCommitter && committerHandler == null) {
            committerHandler = createCommitterHandler((SupportsCommitter<?>) sink); // no initializeState: fresh start
        }
        writer = restored && sink instanceof SupportsWriterState ? restoreWriter((SupportsWriterState<T, ?>) sink)
                : sink.createWriter(new InitContext(parameters));
        if (committerHandler != null) {
            if (!(writer instanceof CommittingSinkWriter)) {
                throw new IllegalStateException("Sink " + sink + " supports a committer, but its writer "
                        + writer.getClass().getName() + " is no CommittingSinkWriter: it must pre-commit with prepareCommit()");
            }
            committerHandler.open(restoredCheckpointId);
        }
    }

    private <S> SinkWriter<T> restoreWriter(SupportsWriterState<T, S> stateful) throws Exception {
        List<S> states = new ArrayList<>();
        for (byte[] bytes : restoredWriterStates) {
            states.add(SimpleVersionedSerialization.readVersionAndDeserialize(stateful.getWriterStateSerializer(), bytes));
        }
        return stateful.restoreWriter(new InitContext(parameters), states);
    }

    private void requireSetUp(String what) {
        if (parameters == null) {
            throw new IllegalStateException("SinkWriterOperator for " + sink + " " + what + " before setup()");
        }
    }

    /** Flushes the writer and, for committing sinks, pre-commits into this checkpoint's committables. */
    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        writer.flush(false);
        if (committerHandler != null) {
            addCommittables(committerHandler, checkpointId);
        }
    }

    @SuppressWarnings("unchecked")
    private <C> void addCommittables(CommitterHandler<C> handler, long checkpointId) throws Exception {
        handler.add(checkpointId, ((CommittingSinkWriter<T, C>) writer).prepareCommit());
    }

    @Override
    public void snapshotState(StateSnapshotContext snapshotContext) throws Exception {
        if (committerHandler != null) {
            committerHandler.snapshotState();
        }
        if (writerState != null && writer instanceof StatefulSinkWriter) {
            snapshotWriter((SupportsWriterState<T, ?>) sink, snapshotContext.getCheckpointId());
        }
    }

    @SuppressWarnings("unchecked")
    private <S> void snapshotWriter(SupportsWriterState<T, S> stateful, long checkpointId) throws Exception {
        List<byte[]> serialized = new ArrayList<>();
        for (S s : ((StatefulSinkWriter<T, S>) writer).snapshotState(checkpointId)) {
            serialized.add(SimpleVersionedSerialization.writeVersionAndSerialize(stateful.getWriterStateSerializer(), s));
        }
        writerState.update(serialized);
    }

    /** Starts committing (off the task thread) everything pre-committed up to this checkpoint. */
    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (committerHandler != null) {
            committerHandler.commitUpTo(checkpointId);
        }
    }

    /** Pending committables of this subtask (task thread; for tests and metrics). */
    public int getPendingCommittableCount() {
        return committerHandler == null ? 0 : committerHandler.pendingCount();
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
            if (committerHandler != null) {
                addCommittables(committerHandler, CommitterHandler.END_OF_INPUT);
                committerHandler.commitAllNow();
            }
        }
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        if (committerHandler != null) {
            CommitterHandler<?> handler = committerHandler;
            committerHandler = null;
            try {
                handler.close();
            } catch (Exception e) {
                failure = e;
            }
        }
        if (writer != null) {
            SinkWriter<T> w = writer;
            writer = null;
            try {
                w.close();
            } catch (Exception e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
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

    private static final class CommitterContext implements CommitterInitContext {
        private final StreamOperatorParameters<Void> parameters;

        CommitterContext(StreamOperatorParameters<Void> parameters) {
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

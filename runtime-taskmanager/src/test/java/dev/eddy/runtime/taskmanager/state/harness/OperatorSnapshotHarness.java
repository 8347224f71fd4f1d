package dev.eddy.runtime.taskmanager.state.harness;

import dev.eddy.api.common.JobID;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.state.OperatorStateHandler;
import dev.eddy.runtime.taskmanager.state.SnapshotableKeyedStateBackend;
import dev.eddy.runtime.taskmanager.task.chain.JobInfoImpl;
import dev.eddy.runtime.taskmanager.task.chain.StreamingRuntimeContext;
import dev.eddy.runtime.taskmanager.task.chain.TaskInfoImpl;
import dev.eddy.runtime.util.InstantiationUtil;
import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives one one-input operator of one subtask with the real state machinery: a real keyed backend
 * (heap, RocksDB, or any {@link BackendFactory}), a real {@link OperatorStateHandler}, snapshots
 * written to a directory by the real async part, and restore into a fresh copy of the operator
 * prototype (Java-serialized, as a task gets it) at any parallelism and subtask index. Processing
 * time is manual; timers and mail run on the calling thread. Single-threaded.
 */
public final class OperatorSnapshotHarness<IN, OUT> implements AutoCloseable {
    /** Creates the keyed backend of a subtask. */
    @FunctionalInterface
    public interface BackendFactory {
        SnapshotableKeyedStateBackend<Object> create(TypeSerializer<Object> keySerializer, int maxParallelism, int parallelism,
                int subtaskIndex);
    }

    /** What stays the same across the subtasks and restores of one test job. */
    public record Spec<IN, OUT>(OneInputStreamOperator<IN, OUT> prototype, KeySelector<IN, ?> keySelector, TypeSerializer<?> keySerializer,
            int maxParallelism, BackendFactory backends, Path checkpointDirectory, String operatorUid) {

        /** A subtask harness (not yet opened). */
        public OperatorSnapshotHarness<IN, OUT> subtask(int parallelism, int subtaskIndex) throws Exception {
            return new OperatorSnapshotHarness<>(this, parallelism, subtaskIndex);
        }
    }

    private final Spec<IN, OUT> spec;
    private final int parallelism;
    private final int subtaskIndex;
    private final OneInputStreamOperator<IN, OUT> operator;
    private final SnapshotableKeyedStateBackend<Object> backend;
    private final List<StreamRecord<OUT>> records = new ArrayList<>();
    private final List<Watermark> watermarks = new ArrayList<>();
    private final List<SideOutputRecord> sideOutputs = new ArrayList<>();
    private final ArrayDeque<MailboxExecutor.ThrowingRunnable> mail = new ArrayDeque<>();
    private final ManualProcessingTime processingTime = new ManualProcessingTime();
    private OperatorStateHandler handler;
    private boolean closed;

    @SuppressWarnings("unchecked")
    private OperatorSnapshotHarness(Spec<IN, OUT> spec, int parallelism, int subtaskIndex) throws Exception {
        this.spec = spec;
        this.parallelism = parallelism;
        this.subtaskIndex = subtaskIndex;
        ClassLoader cl = getClass().getClassLoader();
        this.operator = InstantiationUtil.clone(spec.prototype(), cl);
        this.backend = spec.keySelector() == null ? null
                : spec.backends().create((TypeSerializer<Object>) spec.keySerializer(), spec.maxParallelism(), parallelism, subtaskIndex);
        KeySelector<IN, ?> keySelector = spec.keySelector() == null ? null : InstantiationUtil.clone(spec.keySelector(), cl);
        TaskInfoImpl taskInfo = new TaskInfoImpl("harness", spec.maxParallelism(), subtaskIndex, parallelism, 0, "harness-allocation");
        StreamingRuntimeContext rc = new StreamingRuntimeContext(taskInfo, new JobInfoImpl(JobID.generate(), "harness job"), cl, backend);
        operator.setup(new Parameters(rc, keySelector));
    }

    public int getSubtaskIndex() {
        return subtaskIndex;
    }

    /** The key groups this subtask owns. */
    public KeyGroupRange getKeyGroupRange() {
        return KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(spec.maxParallelism(), parallelism, subtaskIndex);
    }

    /** True when {@code key} is routed to this subtask. */
    public boolean owns(Object key) {
        return getKeyGroupRange().contains(KeyGroupRangeAssignment.assignToKeyGroup(key, spec.maxParallelism()));
    }

    /** Fresh start: initializeState (nothing restored), open. */
    public OperatorSnapshotHarness<IN, OUT> open() throws Exception {
        return restoreAndOpen(null, -1);
    }

    /** Restores {@code state} (null: this operator has nothing) of checkpoint {@code checkpointId}, then opens. */
    public OperatorSnapshotHarness<IN, OUT> restoreAndOpen(OperatorSubtaskStateProto state, long checkpointId) throws Exception {
        handler = new OperatorStateHandler(spec.operatorUid(), backend, state, spec.checkpointDirectory(), checkpointId,
                getClass().getClassLoader());
        handler.initializeOperatorState(operator);
        operator.open();
        runMail();
        return this;
    }

    public void processElement(IN value) throws Exception {
        processElement(new StreamRecord<>(value));
    }

    public void processElement(IN value, long timestamp) throws Exception {
        processElement(new StreamRecord<>(value, timestamp));
    }

    public void processElement(StreamRecord<IN> record) throws Exception {
        if (spec.keySelector() != null) {
            operator.setKeyContextElement(record);
        }
        operator.processElement(record);
        runMail();
    }

    public void processWatermark(long timestamp) throws Exception {
        operator.processWatermark(new Watermark(timestamp));
        runMail();
    }

    /** Advances processing time, firing due timers. */
    public void setProcessingTime(long time) throws Exception {
        processingTime.advanceTo(time, mail);
        runMail();
    }

    /** The synchronous part of a checkpoint; run the result for the files and the handles. */
    public AsyncSnapshot<OperatorSubtaskStateProto> snapshotSync(long checkpointId) throws Exception {
        return snapshotSync(checkpointId, false);
    }

    /**
     * The synchronous part of a checkpoint (files in {@code <dir>/chk-<id>}, shared files in
     * {@code <dir>/shared}) or of a savepoint (everything in {@code <dir>/savepoint-<id>}).
     */
    public AsyncSnapshot<OperatorSubtaskStateProto> snapshotSync(long checkpointId, boolean savepoint) throws Exception {
        operator.prepareSnapshotPreBarrier(checkpointId);
        Path base = spec.checkpointDirectory();
        CheckpointOptions options = savepoint ? new CheckpointOptions(true, true, base.resolve("savepoint-" + checkpointId), null, false)
                : new CheckpointOptions(false, true, base.resolve("chk-" + checkpointId), base.resolve("shared"), false);
        return handler.snapshotState(operator, checkpointId, checkpointId * 1000, options, CheckpointStreamFactory.forOptions(options));
    }

    /** A whole savepoint, its paths relative to the checkpoint directory (as the coordinator writes them). */
    public OperatorSubtaskStateProto savepoint(long checkpointId) throws Exception {
        OperatorSubtaskStateProto s = snapshotSync(checkpointId, true).run();
        return s == null ? null : StateRedistribution.relativize(s, spec.checkpointDirectory());
    }

    /** A whole snapshot (sync part, then async part); null when the operator has no state. */
    public OperatorSubtaskStateProto snapshot(long checkpointId) throws Exception {
        return snapshotSync(checkpointId).run();
    }

    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        operator.notifyCheckpointComplete(checkpointId);
        runMail();
    }

    public OneInputStreamOperator<IN, OUT> getOperator() {
        return operator;
    }

    public SnapshotableKeyedStateBackend<Object> getKeyedBackend() {
        return backend;
    }

    public List<OUT> getOutputValues() {
        List<OUT> out = new ArrayList<>();
        for (StreamRecord<OUT> r : records) {
            out.add(r.getValue());
        }
        return out;
    }

    public List<StreamRecord<OUT>> getOutputRecords() {
        return records;
    }

    public List<Watermark> getWatermarks() {
        return watermarks;
    }

    /** A record the operator emitted to a side output. */
    public record SideOutputRecord(dev.eddy.util.OutputTag<?> tag, StreamRecord<?> record) {}

    /** The records emitted to the side output {@code tag} (copies), in order. */
    @SuppressWarnings("unchecked")
    public <X> List<StreamRecord<X>> getSideOutput(dev.eddy.util.OutputTag<X> tag) {
        List<StreamRecord<X>> out = new ArrayList<>();
        for (SideOutputRecord r : sideOutputs) {
            if (r.tag().equals(tag)) {
                out.add((StreamRecord<X>) r.record());
            }
        }
        return out;
    }

    public void clearOutput() {
        records.clear();
        watermarks.clear();
        sideOutputs.clear();
    }

    /** Closes the operator and disposes its state (like a task ending or failing). */
    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        try {
            operator.close();
        } finally {
            if (handler != null) {
                handler.dispose();
            }
            if (backend != null) {
                backend.dispose();
            }
        }
    }

    private void runMail() throws Exception {
        MailboxExecutor.ThrowingRunnable r;
        while ((r = mail.poll()) != null) {
            r.run();
        }
    }

    private final class Parameters implements StreamOperatorParameters<OUT> {
        private final RuntimeContext runtimeContext;
        private final KeySelector<IN, ?> keySelector;

        Parameters(RuntimeContext runtimeContext, KeySelector<IN, ?> keySelector) {
            this.runtimeContext = runtimeContext;
            this.keySelector = keySelector;
        }

        @Override
        public Output<StreamRecord<OUT>> getOutput() {
            return new Output<>() {
                @Override
                public void emitWatermark(Watermark mark) {
                    watermarks.add(mark);
                }

                @Override
                public void collect(StreamRecord<OUT> record) {
                    records.add(record.copy(record.getValue()));
                }

                @Override
                public <X> void collect(dev.eddy.util.OutputTag<X> outputTag, StreamRecord<X> record) {
                    sideOutputs.add(new SideOutputRecord(outputTag, record.copy(record.getValue())));
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public RuntimeContext getRuntimeContext() {
            return runtimeContext;
        }

        @Override
        public ProcessingTimeService getProcessingTimeService() {
            return new ProcessingTimeService() {
                @Override
                public long getCurrentProcessingTime() {
                    return processingTime.now;
                }

                @Override
                public ScheduledFuture<?> registerTimer(long time, ProcessingTimeCallback callback) {
                    return processingTime.register(time, callback, mail);
                }
            };
        }

        @Override
        public MailboxExecutor getMailboxExecutor() {
            return new MailboxExecutor() {
                @Override
                public void execute(ThrowingRunnable command, String description) {
                    mail.add(command);
                }

                @Override
                public void yield() throws Exception {
                    tryYield();
                }

                @Override
                public boolean tryYield() throws Exception {
                    ThrowingRunnable r = mail.poll();
                    if (r == null) {
                        return false;
                    }
                    r.run();
                    return true;
                }
            };
        }

        @Override
        public KeyedStateBackend<Object> getKeyedStateBackend() {
            return backend;
        }

        @Override
        public KeySelector<?, ?> getStateKeySelector(int input) {
            return input == 0 ? keySelector : null;
        }
    }

    /** Manual processing time: a due timer becomes mail. */
    private static final class ManualProcessingTime {
        private long now;
        private final PriorityQueue<Scheduled> timers = new PriorityQueue<>((a, b) -> Long.compare(a.time, b.time));

        ScheduledFuture<?> register(long time, ProcessingTimeService.ProcessingTimeCallback callback,
                ArrayDeque<MailboxExecutor.ThrowingRunnable> mail) {
            Scheduled s = new Scheduled(time, callback);
            if (time <= now) {
                mail.add(() -> s.fire(now));
            } else {
                timers.add(s);
            }
            return s;
        }

        void advanceTo(long time, ArrayDeque<MailboxExecutor.ThrowingRunnable> mail) {
            now = time;
            Scheduled s;
            while ((s = timers.peek()) != null && s.time <= time) {
                timers.poll();
                Scheduled due = s;
                mail.add(() -> due.fire(time));
            }
        }
    }

    private static final class Scheduled extends CompletableFuture<Object> implements ScheduledFuture<Object> {
        final long time;
        final ProcessingTimeService.ProcessingTimeCallback callback;

        Scheduled(long time, ProcessingTimeService.ProcessingTimeCallback callback) {
            this.time = time;
            this.callback = callback;
        }

        void fire(long now) throws Exception {
            if (!isCancelled()) {
                callback.onProcessingTime(now);
                complete(null);
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }
    }
}

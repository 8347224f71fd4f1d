package dev.eddy.runtime.taskmanager.task.chain;

import dev.eddy.runtime.operators.coordination.OperatorEventGateway;
import java.util.function.Function;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.graph.ChainedSideOutputConfig;
import dev.eddy.runtime.graph.NetworkOutputConfig;
import dev.eddy.runtime.graph.OperatorConfig;
import dev.eddy.runtime.graph.TaskChainConfig;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.proto.TaskRestoreProto;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.state.OperatorStateHandler;
import dev.eddy.runtime.taskmanager.state.SnapshotableKeyedStateBackend;
import dev.eddy.runtime.taskmanager.task.io.OutputWriter;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.operators.StreamOperator;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.partitioner.StreamPartitioner;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * The operators of one task, wired together: chained successors are called directly on the task
 * thread, network edges go through the task's writers. The constructor creates each operator's
 * outputs, keyed backend and runtime context and calls {@code setup} on every operator.
 *
 * <p>Lifecycle (task thread only): {@link #initializeState} (restore, tail to head),
 * {@link #openOperators()} tail to head, so an operator's
 * successors are open before it can emit; {@link #finishOperators()} head to tail at the end of
 * the input, so buffered results still reach open successors; {@link #closeOperators()} always,
 * also after a failure or cancellation.
 *
 * <p>The operator objects must be this task's own copies (the task deserializes the chain config
 * for itself).
 */
public final class OperatorChain {
    private final List<OperatorConfig> configs;
    private final List<StreamOperator<?>> operators;
    private final List<SnapshotableKeyedStateBackend<Object>> backends;
    private final List<OperatorStateHandler> stateHandlers = new ArrayList<>();
    private OperatorStateHandler[] orderedHandlers;
    private final List<Integer> topologicalOrder;
    private final ChainContext context;
    private long flushIntervalMillis = -1;
    private final Function<String, OperatorEventGateway> operatorEventGateways;

    /** @param writersByOutEdge the task's writers, indexed by the vertex's out-edge index (null where unused) */
    public OperatorChain(TaskChainConfig config, ChainContext context, List<OutputWriter<?>> writersByOutEdge) {
        this(config, context, writersByOutEdge, uid -> null);
    }

    /**
     * @param operatorEventGateways operator uid → where that operator sends events to its
     *                              coordinator (null: none); handed to the operator in setup
     */
    public OperatorChain(TaskChainConfig config, ChainContext context, List<OutputWriter<?>> writersByOutEdge,
            Function<String, OperatorEventGateway> operatorEventGateways) {
        this.operatorEventGateways = operatorEventGateways;
        this.configs = config.getOperators();
        this.context = context;
        this.operators = new ArrayList<>();
        this.backends = new ArrayList<>();
        try {
            for (OperatorConfig oc : configs) {
                operators.add(oc.getOperator());
                backends.add(oc.isKeyed() ? createBackend(oc) : null);
            }
            this.topologicalOrder = topologicalOrder();
            for (int i = 0; i < configs.size(); i++) {
                setupOperator(i, writersByOutEdge);
            }
        } catch (RuntimeException | Error e) {
            disposeBackends(e);
            throw e;
        }
    }

    /** Disposes the operator state handlers and every created keyed backend; failures are added to {@code failure} as suppressed. */
    private void disposeBackends(Throwable failure) {
        for (OperatorStateHandler h : stateHandlers) {
            try {
                h.dispose();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        stateHandlers.clear();
        for (KeyedStateBackend<Object> b : backends) {
            if (b != null) {
                try {
                    b.dispose();
                } catch (RuntimeException e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private SnapshotableKeyedStateBackend<Object> createBackend(OperatorConfig oc) {
        int max = context.taskInfo().getMaxNumberOfParallelSubtasks();
        return context.stateBackend().createKeyedBackend((TypeSerializer<Object>) oc.getStateKeySerializer(), max,
                context.taskInfo().getNumberOfParallelSubtasks(), context.taskInfo().getIndexOfThisSubtask(),
                context.taskInfo().getTaskName() + "-" + context.taskInfo().getIndexOfThisSubtask() + "-" + oc.getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void setupOperator(int index, List<OutputWriter<?>> writersByOutEdge) {
        OperatorConfig oc = configs.get(index);
        List<Output<StreamRecord<Object>>> outs = new ArrayList<>();
        Map<String, List<Output<StreamRecord<Object>>>> sideOuts = new HashMap<>();
        TypeSerializer<Object> copySerializer = context.objectReuse() ? null : (TypeSerializer<Object>) oc.getOutputSerializer();
        for (int target : oc.getChainedOutputs()) {
            outs.add(new ChainedOutput<>(chainedInput(target), copySerializer, configs.get(target).getName()));
        }
        for (ChainedSideOutputConfig side : oc.getChainedSideOutputs()) {
            TypeSerializer<Object> sideCopy = context.objectReuse() ? null : (TypeSerializer<Object>) side.getSerializer();
            sideOuts.computeIfAbsent(side.getOutputTag().getId(), k -> new ArrayList<>()).add(new ChainedOutput<>(
                    chainedInput(side.getTargetIndex()), sideCopy, configs.get(side.getTargetIndex()).getName()));
        }
        for (NetworkOutputConfig nc : oc.getNetworkOutputs()) {
            Output<StreamRecord<Object>> out = networkOutput(oc, nc, writersByOutEdge);
            if (nc.getOutputTag() == null) {
                outs.add(out);
            } else {
                sideOuts.computeIfAbsent(nc.getOutputTag().getId(), k -> new ArrayList<>()).add(out);
            }
        }
        Output<StreamRecord<Object>> output = fanOut(outs);
        if (!sideOuts.isEmpty()) {
            Map<String, Output<StreamRecord<Object>>> byTag = new HashMap<>();
            sideOuts.forEach((tag, list) -> byTag.put(tag, fanOut(list)));
            output = new SideOutputRouter<>(output, byTag);
        }
        KeyedStateBackend<Object> backend = backends.get(index);
        StreamingRuntimeContext rc = new StreamingRuntimeContext(context.taskInfo(), context.jobInfo(), context.userClassLoader(), backend);
        StreamOperator op = operators.get(index);
        op.setup(new OperatorParametersImpl<>(output, rc, context.processingTimeService(), context.mailboxExecutor(),
                backend, oc.getStateKeySelector1(), oc.getStateKeySelector2(), context.jobConfiguration(),
                operatorEventGateways.apply(oc.getUid())));
    }

    private static Output<StreamRecord<Object>> fanOut(List<Output<StreamRecord<Object>>> outs) {
        return outs.isEmpty() ? new DiscardingOutput<>() : outs.size() == 1 ? outs.get(0) : new BroadcastingOutput<>(outs);
    }

    @SuppressWarnings("unchecked")
    private Output<StreamRecord<Object>> networkOutput(OperatorConfig oc, NetworkOutputConfig nc, List<OutputWriter<?>> writersByOutEdge) {
        int edge = nc.getOutEdgeIndex();
        OutputWriter<Object> writer = edge < writersByOutEdge.size() ? (OutputWriter<Object>) writersByOutEdge.get(edge) : null;
        if (writer == null) {
            throw new IllegalStateException("Operator " + oc + " of " + context.taskInfo().getTaskNameWithSubtasks()
                    + " writes to out edge " + edge + ", but the deployment descriptor produced no partition for it ("
                    + writersByOutEdge.size() + " partitions); the job graph and the deployment disagree");
        }
        long timeout = nc.getBufferTimeoutMillis() >= 0 ? nc.getBufferTimeoutMillis() : context.jobBufferTimeoutMillis();
        if (timeout > 0) {
            flushIntervalMillis = flushIntervalMillis < 0 ? timeout : Math.min(flushIntervalMillis, timeout);
        }
        return new RecordWriterOutput<>(writer, (StreamPartitioner<Object>) nc.getPartitioner(), timeout == 0);
    }

    @SuppressWarnings("unchecked")
    private ElementSink<Object> chainedInput(int target) {
        StreamOperator<?> op = operators.get(target);
        OperatorConfig tc = configs.get(target);
        if (!(op instanceof OneInputStreamOperator)) {
            throw new IllegalStateException("Chained operator " + tc + " is a " + op.getClass().getName()
                    + "; only one-input operators can be chained behind another operator");
        }
        return ElementSink.of((OneInputStreamOperator<Object, ?>) op, tc.getStateKeySelector1(), backends.get(target));
    }

    /** Head input {@code inputIndex} (0, or 0/1 for a two-input head) as the input processor drives it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ElementSink<Object> getHeadInput(int inputIndex) {
        StreamOperator<?> head = operators.get(0);
        OperatorConfig hc = configs.get(0);
        KeySelector ks = inputIndex == 0 ? hc.getStateKeySelector1() : hc.getStateKeySelector2();
        if (head instanceof TwoInputStreamOperator) {
            if (inputIndex > 1) {
                throw new IllegalArgumentException("Two-input operator " + hc + " has no input " + inputIndex);
            }
            return ElementSink.ofTwoInput((TwoInputStreamOperator) head, inputIndex, ks, backends.get(0));
        }
        if (head instanceof OneInputStreamOperator && inputIndex == 0) {
            return ElementSink.of((OneInputStreamOperator<Object, ?>) head, ks, backends.get(0));
        }
        throw new IllegalStateException("Head operator " + hc + " (" + head.getClass().getName() + ") has no input " + inputIndex);
    }

    /** The operator with this uid, or null. */
    public StreamOperator<?> getOperatorByUid(String uid) {
        for (int i = 0; i < configs.size(); i++) {
            if (configs.get(i).getUid().equals(uid)) {
                return operators.get(i);
            }
        }
        return null;
    }

    public StreamOperator<?> getHeadOperator() {
        return operators.get(0);
    }

    public List<StreamOperator<?>> getOperators() {
        return Collections.unmodifiableList(operators);
    }

    /** The keyed backend of operator {@code index}, or null when it is not keyed. */
    public KeyedStateBackend<Object> getKeyedStateBackend(int index) {
        return backends.get(index);
    }

    /** Smallest positive buffer timeout over the network outputs, or -1 when none needs periodic flushing. */
    public long getFlushIntervalMillis() {
        return flushIntervalMillis;
    }

    // ------------------------------------------------------------------ state and checkpoints

    /**
     * Restores (or creates empty) every operator's state and calls {@code initializeState} on each,
     * tail to head. Called once, after construction and before {@link #openOperators()}.
     *
     * @param restore what this subtask restores, null on a fresh start
     */
    public void initializeState(TaskRestoreProto restore) throws Exception {
        Map<String, OperatorSubtaskStateProto> byUid = new HashMap<>();
        Path base = null;
        long restoredId = -1;
        if (restore != null) {
            restoredId = restore.getCheckpointId();
            base = restore.getBaseDirectory().isEmpty() ? null : Path.of(restore.getBaseDirectory());
            for (OperatorSubtaskStateProto o : restore.getOperatorsList()) {
                byUid.put(o.getOperatorUid(), o);
            }
        }
        OperatorStateHandler[] handlers = new OperatorStateHandler[configs.size()];
        for (int k = topologicalOrder.size() - 1; k >= 0; k--) {
            int i = topologicalOrder.get(k);
            OperatorConfig oc = configs.get(i);
            OperatorStateHandler h = new OperatorStateHandler(oc.getUid(), backends.get(i), byUid.get(oc.getUid()), base, restoredId,
                    context.userClassLoader());
            handlers[i] = h;
            stateHandlers.add(h);
            h.initializeOperatorState(operators.get(i));
        }
        orderedHandlers = handlers;
    }

    /** Head to tail: operators emit what must precede the barrier. */
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        for (int i : topologicalOrder) {
            operators.get(i).prepareSnapshotPreBarrier(checkpointId);
        }
    }

    /**
     * Synchronous part of the snapshot of every operator (head to tail); returns their async parts.
     * If one fails, the parts already taken are discarded and the failure is thrown.
     */
    public List<AsyncSnapshot<OperatorSubtaskStateProto>> snapshotState(long checkpointId, long timestamp, CheckpointOptions options,
            CheckpointStreamFactory streams) throws Exception {
        if (orderedHandlers == null) {
            throw new IllegalStateException("Operator state of " + context.taskInfo().getTaskNameWithSubtasks() + " is not initialized");
        }
        List<AsyncSnapshot<OperatorSubtaskStateProto>> parts = new ArrayList<>();
        try {
            for (int i : topologicalOrder) {
                parts.add(orderedHandlers[i].snapshotState(operators.get(i), checkpointId, timestamp, options, streams));
            }
        } catch (Exception | Error e) {
            for (AsyncSnapshot<OperatorSubtaskStateProto> p : parts) {
                p.discard();
            }
            throw e;
        }
        return parts;
    }

    /** Tells every operator, head to tail, that a checkpoint completed. */
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        for (int i : topologicalOrder) {
            operators.get(i).notifyCheckpointComplete(checkpointId);
        }
    }

    /** Tells every operator, head to tail, that a checkpoint was aborted. */
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        for (int i : topologicalOrder) {
            operators.get(i).notifyCheckpointAborted(checkpointId);
        }
    }

    /** Opens operators tail to head. */
    public void openOperators() throws Exception {
        for (int i = topologicalOrder.size() - 1; i >= 0; i--) {
            operators.get(topologicalOrder.get(i)).open();
        }
    }

    /** Finishes operators head to tail (end of input). */
    public void finishOperators() throws Exception {
        for (int i : topologicalOrder) {
            operators.get(i).finish();
        }
    }

    /**
     * Closes every operator head to tail and disposes the keyed backends, even when some close
     * fails. Returns the first failure (later ones attached as suppressed) or null.
     */
    public Exception closeOperators() {
        Exception first = null;
        for (int i : topologicalOrder) {
            try {
                operators.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        Exception disposeFailure = new IllegalStateException("Disposing the keyed state backends failed");
        disposeBackends(disposeFailure);
        if (disposeFailure.getSuppressed().length > 0) {
            if (first == null) {
                first = disposeFailure;
            } else {
                first.addSuppressed(disposeFailure);
            }
        }
        return first;
    }

    private List<Integer> topologicalOrder() {
        List<Integer> postOrder = new ArrayList<>();
        boolean[] visited = new boolean[configs.size()];
        visit(0, visited, postOrder);
        for (int i = 0; i < configs.size(); i++) {
            visit(i, visited, postOrder);
        }
        Collections.reverse(postOrder);
        return postOrder;
    }

    private void visit(int i, boolean[] visited, List<Integer> postOrder) {
        if (visited[i]) {
            return;
        }
        visited[i] = true;
        for (int next : configs.get(i).getChainedOutputs()) {
            visit(next, visited, postOrder);
        }
        for (ChainedSideOutputConfig side : configs.get(i).getChainedSideOutputs()) {
            visit(side.getTargetIndex(), visited, postOrder);
        }
        postOrder.add(i);
    }

    /** Output of an operator without successors (a sink). */
    private static final class DiscardingOutput<T> implements Output<StreamRecord<T>> {
        @Override
        public void collect(StreamRecord<T> record) {}

        @Override
        public void emitWatermark(Watermark mark) {}

        @Override
        public void close() {}
    }

    /**
     * The watermark progress the chain's operators keep themselves (sources: per split; watermark
     * assigners: what they generate), in chain order; empty if none does. Any thread.
     */
    public java.util.List<dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress> getOperatorWatermarkProgress() {
        java.util.List<dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress> all = new ArrayList<>();
        for (int i : topologicalOrder) {
            if (operators.get(i) instanceof dev.eddy.streaming.runtime.watermarkstatus.WatermarkProgressProvider p) {
                all.addAll(p.getWatermarkProgress());
            }
        }
        return all;
    }
}

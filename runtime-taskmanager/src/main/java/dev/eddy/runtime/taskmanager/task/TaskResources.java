package dev.eddy.runtime.taskmanager.task;

import dev.eddy.runtime.taskmanager.task.io.CheckpointBarrierListener;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.proto.InputChannelDescriptor;
import dev.eddy.proto.InputGateDescriptor;
import dev.eddy.proto.ResultPartitionDescriptor;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.graph.InEdgeConfig;
import dev.eddy.runtime.graph.NetworkOutputConfig;
import dev.eddy.runtime.graph.OperatorConfig;
import dev.eddy.runtime.graph.TaskChainConfig;
import dev.eddy.runtime.taskmanager.network.InputChannelSpec;
import dev.eddy.runtime.taskmanager.network.InputGate;
import dev.eddy.runtime.taskmanager.network.ResultPartitionWriter;
import dev.eddy.runtime.taskmanager.task.chain.ElementSink;
import dev.eddy.runtime.taskmanager.task.chain.OperatorChain;
import dev.eddy.runtime.taskmanager.task.io.InputReader;
import dev.eddy.runtime.taskmanager.task.io.OutputWriter;
import dev.eddy.runtime.taskmanager.task.io.StreamInputProcessor;
import dev.eddy.runtime.util.InstantiationUtil;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-plane resources of one task: its chain config (deserialized in the job's class loader,
 * so the operators are this task's own copies), produced partitions with one writer per out edge,
 * and input gates with one reader per in edge. Created and released on the task thread.
 */
final class TaskResources {
    private static final Logger LOG = LoggerFactory.getLogger(TaskResources.class);

    private final String taskName;
    private final TaskServices services;
    private TaskChainConfig chainConfig;
    private final List<ResultPartitionWriter> partitions = new ArrayList<>();
    private final List<OutputWriter<?>> writers = new ArrayList<>();
    private final List<OutputWriter<?>> activeWriters = new ArrayList<>();
    private final List<InputGate> gates = new ArrayList<>();
    private final List<InputReader<Object>> readers = new ArrayList<>();
    private final List<Integer> readerInputIndices = new ArrayList<>();

    TaskResources(String taskName, TaskServices services) {
        this.taskName = taskName;
        this.services = services;
    }

    /** Deserializes the chain and creates partitions, writers, gates and readers. */
    void deploy(TaskDeploymentDescriptor tdd, ClassLoader userClassLoader) throws Exception {
        try {
            chainConfig = InstantiationUtil.deserializeObject(tdd.getOperatorConfig().toByteArray(), userClassLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Could not load the operators of " + taskName + ": class " + e.getMessage()
                    + " not found in the job's jar or the TaskManager's class path", e);
        }
        Map<Integer, TypeSerializer<?>> serializerByEdge = new HashMap<>();
        for (OperatorConfig oc : chainConfig.getOperators()) {
            for (NetworkOutputConfig nc : oc.getNetworkOutputs()) {
                serializerByEdge.put(nc.getOutEdgeIndex(), nc.getSerializer());
            }
        }
        List<ResultPartitionDescriptor> produced = tdd.getProducedPartitionsList();
        for (int edge = 0; edge < produced.size(); edge++) {
            ResultPartitionDescriptor pd = produced.get(edge);
            TypeSerializer<?> serializer = serializerByEdge.get(edge);
            if (serializer == null) {
                throw new IllegalStateException("Partition " + pd.getPartitionId() + " (out edge " + edge + ") of " + taskName
                        + " has no operator writing to it; the job graph and the deployment disagree");
            }
            ResultPartitionWriter partition = services.shuffleEnvironment()
                    .createResultPartition(pd.getPartitionId(), pd.getNumberOfSubpartitions(), taskName);
            partitions.add(partition);
            OutputWriter<?> writer = services.ioFactory().createWriter(partition, serializer);
            writers.add(writer);
            activeWriters.add(writer);
        }
        List<InEdgeConfig> inEdges = chainConfig.getInEdges();
        List<InputGateDescriptor> gateDescriptors = tdd.getInputGatesList();
        if (inEdges.size() != gateDescriptors.size()) {
            throw new IllegalStateException(taskName + " has " + inEdges.size() + " in edges but was deployed with "
                    + gateDescriptors.size() + " input gates; the job graph and the deployment disagree");
        }
        for (int i = 0; i < inEdges.size(); i++) {
            List<InputChannelSpec> channels = new ArrayList<>();
            for (InputChannelDescriptor c : gateDescriptors.get(i).getChannelsList()) {
                channels.add(new InputChannelSpec(c.getPartitionId(), c.getSubpartitionIndex(), c.getProducerTaskManagerId(),
                        c.getProducerDataAddress()));
            }
            InputGate gate = services.shuffleEnvironment().createInputGate(taskName, channels);
            gates.add(gate);
            @SuppressWarnings("unchecked")
            TypeSerializer<Object> serializer = (TypeSerializer<Object>) inEdges.get(i).getSerializer();
            readers.add(services.ioFactory().createReader(gate, serializer));
            readerInputIndices.add(inEdges.get(i).getInputIndex());
        }
    }

    TaskChainConfig getChainConfig() {
        return chainConfig;
    }

    /** Writers by out-edge index. */
    List<OutputWriter<?>> getWriters() {
        return Collections.unmodifiableList(writers);
    }

    /** The head's input processor, or null when the head has no inputs. */
    StreamInputProcessor createInputProcessor(OperatorChain chain, CheckpointBarrierListener barrierListener) {
        if (readers.isEmpty()) {
            return null;
        }
        int inputs = chain.getHeadOperator() instanceof TwoInputStreamOperator ? 2 : 1;
        List<ElementSink<Object>> sinks = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            sinks.add(chain.getHeadInput(i));
        }
        for (int idx : readerInputIndices) {
            if (idx < 0 || idx >= inputs) {
                throw new IllegalStateException("An in edge of " + taskName + " feeds input " + idx + " but the head has " + inputs + " input(s)");
            }
        }
        return new StreamInputProcessor(readers, readerInputIndices, sinks, barrierListener);
    }

    /** Null when every writer can take a buffer now, else the availability future of one that cannot. */
    CompletableFuture<?> getWritersAvailableFuture() {
        for (int i = 0; i < activeWriters.size(); i++) {
            OutputWriter<?> w = activeWriters.get(i);
            if (!w.isAvailable()) {
                return w.getAvailableFuture();
            }
        }
        return null;
    }

    void flushWriters() {
        for (int i = 0; i < activeWriters.size(); i++) {
            activeWriters.get(i).flushAll();
        }
    }

    /** Sends end-of-partition on every writer (it flushes). */
    void finishWriters() throws Exception {
        for (OutputWriter<?> w : writers) {
            w.finish();
        }
        activeWriters.clear();
    }

    /** Releases partitions and closes gates; never throws. */
    void release() {
        activeWriters.clear();
        for (ResultPartitionWriter p : partitions) {
            try {
                p.release();
            } catch (RuntimeException e) {
                LOG.warn("Could not release a partition of {}", taskName, e);
            }
        }
        for (InputGate g : gates) {
            try {
                g.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not close an input gate of {}", taskName, e);
            }
        }
    }
}

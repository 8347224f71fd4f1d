package dev.eddy.runtime.taskmanager.testutil;

import com.google.protobuf.ByteString;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.graph.NetworkOutputConfig;
import dev.eddy.runtime.graph.OperatorConfig;
import dev.eddy.runtime.graph.TaskChainConfig;
import dev.eddy.runtime.taskmanager.network.InputChannelSpec;
import dev.eddy.runtime.taskmanager.network.InputGate;
import dev.eddy.runtime.taskmanager.network.ResultPartitionWriter;
import dev.eddy.runtime.taskmanager.network.ShuffleEnvironment;
import dev.eddy.runtime.util.InstantiationUtil;
import dev.eddy.streaming.api.operators.StreamOperator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;

/** Builders for hand-made chains and deployment descriptors. */
public final class TaskTestUtil {
    public static final String JOB_ID = "0123456789abcdef0123456789abcdef";

    private TaskTestUtil() {}

    public static OperatorConfig op(int nodeId, String name, StreamOperator<?> operator, TypeSerializer<?> outSerializer, List<Integer> chained) {
        return new OperatorConfig(nodeId, name, "uid-" + nodeId, operator, null, null, null, outSerializer, chained, List.of());
    }

    public static OperatorConfig keyedOp(int nodeId, String name, StreamOperator<?> operator, KeySelector<?, ?> keySelector,
            TypeSerializer<?> outSerializer, List<Integer> chained) {
        return new OperatorConfig(nodeId, name, "uid-" + nodeId, operator, keySelector, null, new LongSerializer(), outSerializer, chained,
                List.of());
    }

    public static OperatorConfig networkOp(int nodeId, String name, StreamOperator<?> operator, TypeSerializer<?> outSerializer,
            List<NetworkOutputConfig> outs) {
        return new OperatorConfig(nodeId, name, "uid-" + nodeId, operator, null, null, null, outSerializer, List.of(), outs);
    }

    public static TaskDeploymentDescriptor.Builder tdd(String taskName, TaskChainConfig chain) throws IOException {
        return TaskDeploymentDescriptor.newBuilder()
                .setJobId(JOB_ID)
                .setJobName("test job")
                .setExecutionAttemptId(UUID.randomUUID().toString())
                .setVertexId("v1")
                .setTaskName(taskName)
                .setSubtaskIndex(0)
                .setParallelism(1)
                .setMaxParallelism(128)
                .setAttemptNumber(0)
                .setAllocationId("alloc-1")
                .setOperatorConfig(ByteString.copyFrom(InstantiationUtil.serializeObject(chain)));
    }

    /** A shuffle environment for chains without network edges: any use is a test bug. */
    public static final class NoShuffleEnvironment implements ShuffleEnvironment {
        @Override
        public InetSocketAddress getDataAddress() {
            return new InetSocketAddress("127.0.0.1", 1);
        }

        @Override
        public ResultPartitionWriter createResultPartition(String partitionId, int numberOfSubpartitions, String ownerTaskName) {
            throw new AssertionError("no network in this test");
        }

        @Override
        public InputGate createInputGate(String ownerTaskName, List<InputChannelSpec> channels) {
            throw new AssertionError("no network in this test");
        }

        @Override
        public void close() {}
    }
}

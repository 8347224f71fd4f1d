package dev.eddy.runtime.jobmanager.jobmaster;

import dev.eddy.proto.InputChannelDescriptor;
import dev.eddy.proto.InputGateDescriptor;
import dev.eddy.proto.JobEdgeProto;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.proto.ResultPartitionDescriptor;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.proto.TaskRestoreProto;
import dev.eddy.runtime.jobmanager.resourcemanager.AllocatedSlot;
import dev.eddy.runtime.jobmanager.scheduler.EdgeWiring;
import java.util.List;

/**
 * Builds the {@link TaskDeploymentDescriptor} of an execution whose producers all have slots.
 * Conventions (shared with the TaskManager's {@code TaskChainConfig}):
 * <ul>
 *   <li>{@code produced_partitions} follow the vertex's out edges in {@code JobGraphProto.edges}
 *       order; the partition of out edge k is {@code "<attemptId>-<k>"};</li>
 *   <li>{@code input_gates} follow the vertex's in edges in the same order, with
 *       {@code input_index = target_input_index}; a gate has one channel per (producer subtask,
 *       subpartition) that feeds this subtask, see {@link EdgeWiring}.</li>
 * </ul>
 */
public final class DeploymentDescriptors {
    private DeploymentDescriptors() {}

    public static String partitionId(Execution producer, int outEdgeIndex) {
        return producer.attemptId() + "-" + outEdgeIndex;
    }

    public static TaskDeploymentDescriptor create(ExecutionGraph graph, Execution execution) {
        return create(graph, execution, null);
    }

    /** As {@link #create(ExecutionGraph, Execution)}, with the state to restore ({@code null}: fresh start). */
    public static TaskDeploymentDescriptor create(ExecutionGraph graph, Execution execution, TaskRestoreProto restore) {
        JobGraphProto job = graph.jobGraph();
        JobVertexProto vertex = execution.vertex();
        TaskDeploymentDescriptor.Builder tdd = TaskDeploymentDescriptor.newBuilder()
                .setJobId(job.getJobId())
                .setJobName(job.getJobName())
                .setExecutionAttemptId(execution.attemptId())
                .setVertexId(vertex.getId())
                .setTaskName(vertex.getName())
                .setSubtaskIndex(execution.subtaskIndex())
                .setParallelism(vertex.getParallelism())
                .setMaxParallelism(vertex.getMaxParallelism())
                .setAttemptNumber(execution.attemptNumber())
                .setAllocationId(execution.slot().allocationId())
                .setJarSha256(job.getJarSha256())
                .setOperatorConfig(vertex.getOperatorConfig())
                .putAllJobConfiguration(job.getJobConfigurationMap());
        if (restore != null) {
            tdd.setRestore(restore);
        }

        List<JobEdgeProto> out = graph.outEdgesOf(vertex.getId());
        for (int k = 0; k < out.size(); k++) {
            JobEdgeProto edge = out.get(k);
            JobVertexProto target = graph.vertex(edge.getTargetVertexId());
            tdd.addProducedPartitions(ResultPartitionDescriptor.newBuilder()
                    .setPartitionId(partitionId(execution, k))
                    .setNumberOfSubpartitions(EdgeWiring.numberOfSubpartitions(
                            edge.getPartitionType(), execution.subtaskIndex(), vertex.getParallelism(), target.getParallelism()))
                    .setPartitionType(edge.getPartitionType())
                    .setTargetVertexId(target.getId()));
        }

        for (JobEdgeProto edge : graph.inEdgesOf(vertex.getId())) {
            tdd.addInputGates(inputGate(graph, edge, execution));
        }
        return tdd.build();
    }

    private static InputGateDescriptor inputGate(ExecutionGraph graph, JobEdgeProto edge, Execution consumer) {
        JobVertexProto source = graph.vertex(edge.getSourceVertexId());
        int outEdgeIndex = graph.outEdgeIndexOf(edge);
        List<Execution> producers = graph.executionsOf(source.getId());
        InputGateDescriptor.Builder gate = InputGateDescriptor.newBuilder().setInputIndex(edge.getTargetInputIndex());
        for (EdgeWiring.Channel ch : EdgeWiring.channelsOf(
                edge.getPartitionType(), consumer.subtaskIndex(), source.getParallelism(), consumer.vertex().getParallelism())) {
            Execution producer = producers.get(ch.producerSubtask());
            AllocatedSlot slot = producer.slot();
            gate.addChannels(InputChannelDescriptor.newBuilder()
                    .setPartitionId(partitionId(producer, outEdgeIndex))
                    .setSubpartitionIndex(ch.subpartition())
                    .setProducerTaskManagerId(slot.taskManagerId())
                    .setProducerDataAddress(slot.dataAddress()));
        }
        return gate.build();
    }
}

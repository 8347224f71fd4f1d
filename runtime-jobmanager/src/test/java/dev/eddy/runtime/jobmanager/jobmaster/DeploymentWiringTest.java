package dev.eddy.runtime.jobmanager.jobmaster;

import static dev.eddy.runtime.jobmanager.testing.Jobs.edge;
import static dev.eddy.runtime.jobmanager.testing.Jobs.job;
import static dev.eddy.runtime.jobmanager.testing.Jobs.vertex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.proto.InputChannelDescriptor;
import dev.eddy.proto.InputGateDescriptor;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.PartitionType;
import dev.eddy.proto.ResultPartitionDescriptor;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.jobmanager.testing.FakeTaskExecutor;
import dev.eddy.runtime.jobmanager.testing.Jobs;
import dev.eddy.runtime.jobmanager.testing.TestCluster;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The partitions and input gates in deployed descriptors, per edge type. */
class DeploymentWiringTest {
    private TestCluster cluster;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5));
        cluster.addTaskManager(4);
        cluster.addTaskManager(4);
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private Map<String, List<TaskDeploymentDescriptor>> deploy(JobGraphProto job, int tasks) {
        cluster.dispatcher.submitJob(job).join();
        return cluster.awaitDeployed(tasks).stream()
                .sorted(Comparator.comparingInt(TaskDeploymentDescriptor::getSubtaskIndex))
                .collect(Collectors.groupingBy(TaskDeploymentDescriptor::getVertexId));
    }

    /** "producer subtask/subpartition" pairs read by a gate. */
    private static List<String> sources(InputGateDescriptor gate, List<TaskDeploymentDescriptor> producers) {
        return gate.getChannelsList().stream().map(ch -> {
            TaskDeploymentDescriptor p = producers.stream()
                    .filter(t -> ch.getPartitionId().startsWith(t.getExecutionAttemptId() + "-")).findFirst().orElseThrow();
            return p.getSubtaskIndex() + "/" + ch.getSubpartitionIndex();
        }).toList();
    }

    @Test
    void forwardConnectsSubtaskToSubtask() {
        var tdds = deploy(Jobs.twoVertices(3, PartitionType.FORWARD, 3), 6);
        List<TaskDeploymentDescriptor> sources = tdds.get("source");
        List<TaskDeploymentDescriptor> sinks = tdds.get("sink");
        for (int i = 0; i < 3; i++) {
            TaskDeploymentDescriptor src = sources.get(i);
            assertThat(src.getProducedPartitionsList()).singleElement().satisfies(p -> {
                assertThat(p.getPartitionId()).isEqualTo(src.getExecutionAttemptId() + "-0");
                assertThat(p.getNumberOfSubpartitions()).isEqualTo(1);
                assertThat(p.getPartitionType()).isEqualTo(PartitionType.FORWARD);
                assertThat(p.getTargetVertexId()).isEqualTo("sink");
            });
            assertThat(src.getInputGatesList()).isEmpty();
            InputGateDescriptor gate = sinks.get(i).getInputGates(0);
            assertThat(gate.getInputIndex()).isZero();
            assertThat(sources(gate, sources)).containsExactly(i + "/0");
            assertThat(sinks.get(i).getProducedPartitionsList()).isEmpty();
        }
    }

    @Test
    void channelsNameTheProducersTaskManager() {
        var tdds = deploy(Jobs.twoVertices(2, PartitionType.HASH, 2), 4);
        for (TaskDeploymentDescriptor sink : tdds.get("sink")) {
            for (InputChannelDescriptor ch : sink.getInputGates(0).getChannelsList()) {
                String producerAttempt = ch.getPartitionId().substring(0, ch.getPartitionId().lastIndexOf('-'));
                FakeTaskExecutor owner = cluster.ownerOf(producerAttempt);
                assertThat(ch.getProducerTaskManagerId()).isEqualTo(owner.id);
                assertThat(ch.getProducerDataAddress()).isEqualTo(owner.dataAddress);
            }
        }
    }

    @Test
    void allToAllEdgesHaveOneSubpartitionPerConsumer() {
        for (PartitionType type : List.of(PartitionType.HASH, PartitionType.REBALANCE, PartitionType.BROADCAST, PartitionType.SHUFFLE)) {
            setUpFresh();
            var tdds = deploy(Jobs.twoVertices(2, type, 3), 5);
            for (TaskDeploymentDescriptor src : tdds.get("source")) {
                assertThat(src.getProducedPartitions(0).getNumberOfSubpartitions()).as(type.name()).isEqualTo(3);
                assertThat(src.getProducedPartitions(0).getPartitionType()).isEqualTo(type);
            }
            List<TaskDeploymentDescriptor> sinks = tdds.get("sink");
            for (int j = 0; j < 3; j++) {
                assertThat(sources(sinks.get(j).getInputGates(0), tdds.get("source"))).as(type.name()).containsExactly("0/" + j, "1/" + j);
            }
        }
    }

    @Test
    void globalFeedsTheSingleConsumerFromEveryProducer() {
        var tdds = deploy(Jobs.twoVertices(3, PartitionType.GLOBAL, 1), 4);
        for (TaskDeploymentDescriptor src : tdds.get("source")) {
            assertThat(src.getProducedPartitions(0).getNumberOfSubpartitions()).isEqualTo(1);
        }
        assertThat(sources(tdds.get("sink").get(0).getInputGates(0), tdds.get("source"))).containsExactly("0/0", "1/0", "2/0");
    }

    @Test
    void rescaleTwoToFour() {
        var tdds = deploy(Jobs.twoVertices(2, PartitionType.RESCALE, 4), 6);
        assertThat(tdds.get("source")).extracting(t -> t.getProducedPartitions(0).getNumberOfSubpartitions()).containsExactly(2, 2);
        List<TaskDeploymentDescriptor> sinks = tdds.get("sink");
        assertThat(sinks).extracting(t -> sources(t.getInputGates(0), tdds.get("source")))
                .containsExactly(List.of("0/0"), List.of("0/1"), List.of("1/0"), List.of("1/1"));
    }

    @Test
    void rescaleFourToTwo() {
        var tdds = deploy(Jobs.twoVertices(4, PartitionType.RESCALE, 2), 6);
        assertThat(tdds.get("source")).extracting(t -> t.getProducedPartitions(0).getNumberOfSubpartitions()).containsExactly(1, 1, 1, 1);
        assertThat(tdds.get("sink")).extracting(t -> sources(t.getInputGates(0), tdds.get("source")))
                .containsExactly(List.of("0/0", "1/0"), List.of("2/0", "3/0"));
    }

    @Test
    void partitionsAndGatesFollowJobGraphEdgeOrder() {
        // a -> c (input 1), b -> c (input 0), a -> d: a has out edges [c, d]; c has in edges [a (input 1), b (input 0)]
        JobGraphProto job = job("two inputs")
                .addVertices(vertex("a", 1)).addVertices(vertex("b", 1)).addVertices(vertex("c", 1)).addVertices(vertex("d", 2))
                .addEdges(edge("a", "c", PartitionType.HASH, 1))
                .addEdges(edge("b", "c", PartitionType.FORWARD, 0))
                .addEdges(edge("a", "d", PartitionType.BROADCAST))
                .putJobConfiguration("execution.buffer-timeout", "5 ms")
                .build();
        var tdds = deploy(job, 5);
        TaskDeploymentDescriptor a = tdds.get("a").get(0);
        assertThat(a.getProducedPartitionsList()).extracting(ResultPartitionDescriptor::getTargetVertexId).containsExactly("c", "d");
        assertThat(a.getProducedPartitionsList()).extracting(ResultPartitionDescriptor::getPartitionId)
                .containsExactly(a.getExecutionAttemptId() + "-0", a.getExecutionAttemptId() + "-1");
        assertThat(a.getProducedPartitions(1).getNumberOfSubpartitions()).isEqualTo(2);

        TaskDeploymentDescriptor c = tdds.get("c").get(0);
        assertThat(c.getInputGatesList()).extracting(InputGateDescriptor::getInputIndex).containsExactly(1, 0);
        assertThat(c.getInputGates(0).getChannels(0).getPartitionId()).isEqualTo(a.getExecutionAttemptId() + "-0");
        assertThat(c.getInputGates(1).getChannels(0).getPartitionId()).isEqualTo(tdds.get("b").get(0).getExecutionAttemptId() + "-0");
        assertThat(tdds.get("d")).allSatisfy(d -> assertThat(d.getInputGates(0).getChannels(0).getPartitionId())
                .isEqualTo(a.getExecutionAttemptId() + "-1"));
        assertThat(c.getJobConfigurationMap()).containsEntry("execution.buffer-timeout", "5 ms");
        assertThat(c.getJobId()).isEqualTo(job.getJobId());
        assertThat(c.getAttemptNumber()).isZero();
        assertThat(c.getMaxParallelism()).isEqualTo(128);
    }

    private void setUpFresh() {
        cluster.close();
        try {
            setUp();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}

package dev.eddy.runtime.taskmanager.task;

import static dev.eddy.runtime.taskmanager.testutil.TaskTestUtil.op;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.configuration.Configuration;
import dev.eddy.proto.InputChannelDescriptor;
import dev.eddy.proto.InputGateDescriptor;
import dev.eddy.proto.PartitionType;
import dev.eddy.proto.ResultPartitionDescriptor;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.graph.InEdgeConfig;
import dev.eddy.runtime.graph.NetworkOutputConfig;
import dev.eddy.runtime.graph.TaskChainConfig;
import dev.eddy.runtime.taskmanager.network.NettyShuffleEnvironment;
import dev.eddy.runtime.taskmanager.task.io.NetworkIOFactory;
import dev.eddy.runtime.taskmanager.testutil.FakeJobMasterGateway;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.runtime.taskmanager.testutil.TaskTestUtil;
import dev.eddy.runtime.taskmanager.testutil.TestOperators;
import dev.eddy.runtime.taskmanager.testutil.TestPartitioners;
import dev.eddy.streaming.runtime.partitioner.StreamPartitioner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Producer and consumer tasks connected through one TaskManager's real (local) shuffle environment. */
class NetworkedTasksTest {
    private static final String TM = "tm-local-1-0000";
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final FakeJobMasterGateway jm = new FakeJobMasterGateway();
    private final String id = UUID.randomUUID().toString();
    private NettyShuffleEnvironment shuffle;

    @BeforeEach
    void startShuffle() {
        Configuration conf = new Configuration();
        conf.setString("taskmanager.memory.network.max", "4 mb");
        conf.setString("taskmanager.memory.segment-size", "4 kb");
        shuffle = NettyShuffleEnvironment.start(conf, TM, "127.0.0.1", "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        shuffle.close();
        timers.shutdownNow();
    }

    private Task task(TaskDeploymentDescriptor tdd) {
        return new Task(tdd, CompletableFuture.completedFuture(getClass().getClassLoader()),
                new TaskServices(jm, shuffle, timers, NetworkIOFactory.NETWORK), t -> {});
    }

    private TaskDeploymentDescriptor producer(long count, StreamPartitioner<Long> partitioner, String partitionId, int consumers,
            Map<String, String> jobConf) throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                TaskTestUtil.networkOp(1, "Source", new TestOperators.NumberSource(id, count), new LongSerializer(),
                        List.of(new NetworkOutputConfig(0, partitioner, new LongSerializer(), -1)))), List.of());
        return TaskTestUtil.tdd("Source", chain)
                .putAllJobConfiguration(jobConf)
                .addProducedPartitions(ResultPartitionDescriptor.newBuilder().setPartitionId(partitionId)
                        .setNumberOfSubpartitions(consumers).setPartitionType(PartitionType.REBALANCE).setTargetVertexId("v2"))
                .build();
    }

    private TaskDeploymentDescriptor consumer(String partitionId, int subpartition, int index, int parallelism) throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(2, "Sink", new TestOperators.CollectSink<Long>(id, "sink"), null, List.of())),
                List.of(new InEdgeConfig(0, new LongSerializer())));
        return TaskTestUtil.tdd("Sink", chain)
                .setVertexId("v2").setSubtaskIndex(index).setParallelism(parallelism)
                .addInputGates(InputGateDescriptor.newBuilder().setInputIndex(0).addChannels(InputChannelDescriptor.newBuilder()
                        .setPartitionId(partitionId).setSubpartitionIndex(subpartition).setProducerTaskManagerId(TM)
                        .setProducerDataAddress("127.0.0.1:" + shuffle.getDataAddress().getPort())))
                .build();
    }

    @Test
    void recordsAndWatermarksFlowFromProducerToConsumer() throws Exception {
        String pid = UUID.randomUUID() + "-0";
        TaskDeploymentDescriptor consumerTdd = consumer(pid, 0, 0, 1);
        Task consumer = task(consumerTdd);
        consumer.start();
        Task producer = task(producer(5000, new TestPartitioners.ToFirst<>(), pid, 1, Map.of()));
        producer.start();
        assertThat(producer.getTerminationFuture().get(20, TimeUnit.SECONDS)).isEqualTo(ExecutionState.FINISHED);
        assertThat(consumer.getTerminationFuture().get(20, TimeUnit.SECONDS)).isEqualTo(ExecutionState.FINISHED);
        List<Object> expected = new ArrayList<>();
        LongStream.rangeClosed(1, 5000).forEach(expected::add);
        expected.add("wm:" + Long.MAX_VALUE);
        assertThat(TestOperators.results(id)).containsExactlyElementsOf(expected);
        assertThat(jm.statesOf(consumerTdd.getExecutionAttemptId())).containsExactly("DEPLOYING", "INITIALIZING", "RUNNING", "FINISHED");
    }

    @Test
    void broadcastSendsEveryRecordToEveryConsumer() throws Exception {
        String pid = UUID.randomUUID() + "-0";
        Task c0 = task(consumer(pid, 0, 0, 2));
        Task c1 = task(consumer(pid, 1, 1, 2));
        c0.start();
        c1.start();
        Task producer = task(producer(100, new TestPartitioners.Broadcast<>(), pid, 2, Map.of("execution.buffer-timeout", "0 ms")));
        producer.start();
        assertThat(producer.getTerminationFuture().get(20, TimeUnit.SECONDS)).isEqualTo(ExecutionState.FINISHED);
        assertThat(c0.getTerminationFuture().get(20, TimeUnit.SECONDS)).isEqualTo(ExecutionState.FINISHED);
        assertThat(c1.getTerminationFuture().get(20, TimeUnit.SECONDS)).isEqualTo(ExecutionState.FINISHED);
        assertThat(TestOperators.results(id)).filteredOn(o -> o instanceof Long).hasSize(200);
        assertThat(TestOperators.results(id)).filteredOn(o -> o.equals("wm:" + Long.MAX_VALUE)).hasSize(2);
    }

    @Test
    void cancellingAnIdleConsumerEndsCanceled() throws Exception {
        String pid = UUID.randomUUID() + "-0";
        Task consumer = task(consumer(pid, 0, 0, 1));
        consumer.start();
        org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> consumer.getExecutionState() == ExecutionState.RUNNING);
        consumer.cancel();
        assertThat(consumer.getTerminationFuture().get(5, TimeUnit.SECONDS)).isEqualTo(ExecutionState.CANCELED);
        assertThat(TestOperators.events(id)).contains("close:sink");
    }
}

package dev.eddy.runtime.taskmanager.task;

import static dev.eddy.runtime.taskmanager.testutil.TaskTestUtil.op;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.configuration.Configuration;
import dev.eddy.proto.CheckpointOptionsProto;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two endless sources feed one consumer task through a real shuffle environment; a checkpoint
 * triggered at both sources reaches the consumer as barriers on both channels, which the consumer
 * aligns and then reports to the JobMaster (acknowledge, or decline while operator snapshots are
 * not available): the wiring from the input gates through TaskResources to the task's checkpoint
 * coordinator.
 */
class CheckpointBarrierTasksTest {
    private static final String TM = "tm-barriers-0000";
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final FakeJobMasterGateway jm = new FakeJobMasterGateway();
    private final String id = UUID.randomUUID().toString();
    private final List<Task> tasks = new ArrayList<>();
    private NettyShuffleEnvironment shuffle;
    @TempDir
    Path checkpointDir;

    @BeforeEach
    void startShuffle() {
        Configuration conf = new Configuration();
        conf.setString("taskmanager.memory.network.max", "4 mb");
        conf.setString("taskmanager.memory.segment-size", "4 kb");
        shuffle = NettyShuffleEnvironment.start(conf, TM, "127.0.0.1", "127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        for (Task t : tasks) {
            t.cancel();
        }
        for (Task t : tasks) {
            t.getTerminationFuture().get(10, TimeUnit.SECONDS);
        }
        shuffle.close();
        timers.shutdownNow();
    }

    private Task start(TaskDeploymentDescriptor tdd) {
        Task t = new Task(tdd, CompletableFuture.completedFuture(getClass().getClassLoader()),
                new TaskServices(jm, shuffle, timers, NetworkIOFactory.NETWORK), x -> {});
        tasks.add(t);
        t.start();
        return t;
    }

    private TaskDeploymentDescriptor source(String partitionId, int index) throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                TaskTestUtil.networkOp(1, "Source", new TestOperators.EndlessSource(id), new LongSerializer(),
                        List.of(new NetworkOutputConfig(0, new TestPartitioners.ToFirst<>(), new LongSerializer(), -1)))), List.of());
        return TaskTestUtil.tdd("Source", chain).setSubtaskIndex(index).setParallelism(2)
                .addProducedPartitions(ResultPartitionDescriptor.newBuilder().setPartitionId(partitionId)
                        .setNumberOfSubpartitions(1).setPartitionType(PartitionType.REBALANCE).setTargetVertexId("v2"))
                .build();
    }

    private TaskDeploymentDescriptor consumer(String... partitionIds) throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(2, "Sink", new CountingSink(id), null, List.of())),
                List.of(new InEdgeConfig(0, new LongSerializer())));
        InputGateDescriptor.Builder gate = InputGateDescriptor.newBuilder().setInputIndex(0);
        for (String pid : partitionIds) {
            gate.addChannels(InputChannelDescriptor.newBuilder().setPartitionId(pid).setSubpartitionIndex(0)
                    .setProducerTaskManagerId(TM).setProducerDataAddress("127.0.0.1:" + shuffle.getDataAddress().getPort()));
        }
        return TaskTestUtil.tdd("Sink", chain).setVertexId("v2").addInputGates(gate).build();
    }

    private Stream<Long> reportedCheckpoints(String attemptId) {
        return Stream.concat(
                jm.acks.stream().filter(a -> a.getExecutionAttemptId().equals(attemptId)).map(a -> a.getCheckpointId()),
                jm.declines.stream().filter(d -> d.getExecutionAttemptId().equals(attemptId)).map(d -> d.getCheckpointId()));
    }

    @Test
    void consumerAlignsBarriersFromBothSourcesAndReportsTheCheckpoint() throws Exception {
        String p0 = UUID.randomUUID() + "-0";
        String p1 = UUID.randomUUID() + "-1";
        TaskDeploymentDescriptor sinkTdd = consumer(p0, p1);
        start(sinkTdd);
        Task s0 = start(source(p0, 0));
        Task s1 = start(source(p1, 1));
        CheckpointOptionsProto options = CheckpointOptionsProto.newBuilder().setExactlyOnce(true)
                .setTargetDirectory(checkpointDir.resolve("chk-1").toString()).setSharedDirectory(checkpointDir.resolve("shared").toString())
                .build();

        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> s0.triggerCheckpoint(1, 111, options) == null);
        // source 0 reports after it sent its barrier; give the barrier time to reach the consumer
        Awaitility.await().atMost(10, TimeUnit.SECONDS)
                .until(() -> reportedCheckpoints(s0.getExecutionAttemptId()).toList(), l -> !l.isEmpty());
        long before = CountingSink.count(id);
        Thread.sleep(300);
        assertThat(reportedCheckpoints(sinkTdd.getExecutionAttemptId())).as("one barrier of two is not enough").isEmpty();
        assertThat(CountingSink.count(id)).as("the other channel keeps flowing while one is blocked").isGreaterThan(before);

        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> s1.triggerCheckpoint(1, 111, options) == null);
        Awaitility.await().atMost(10, TimeUnit.SECONDS)
                .until(() -> reportedCheckpoints(sinkTdd.getExecutionAttemptId()).toList(), l -> !l.isEmpty());
        long atCompletion = CountingSink.count(id);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> CountingSink.count(id) > atCompletion);
        assertThat(reportedCheckpoints(sinkTdd.getExecutionAttemptId())).containsExactly(1L);
    }

    /** Counts records per test id (a list of millions of records would only cost memory). */
    public static final class CountingSink extends TestOperators.Base<Void>
            implements dev.eddy.streaming.api.operators.OneInputStreamOperator<Long, Void> {
        private static final long serialVersionUID = 1L;
        private static final java.util.Map<String, java.util.concurrent.atomic.AtomicLong> COUNTS = new java.util.concurrent.ConcurrentHashMap<>();

        CountingSink(String testId) {
            super(testId, "counting-sink");
        }

        static long count(String testId) {
            return COUNTS.computeIfAbsent(testId, k -> new java.util.concurrent.atomic.AtomicLong()).get();
        }

        @Override
        public void processElement(dev.eddy.streaming.runtime.streamrecord.StreamRecord<Long> element) {
            COUNTS.computeIfAbsent(testId, k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
        }

        @Override
        public void processWatermark(dev.eddy.streaming.api.watermark.Watermark mark) {}
    }
}

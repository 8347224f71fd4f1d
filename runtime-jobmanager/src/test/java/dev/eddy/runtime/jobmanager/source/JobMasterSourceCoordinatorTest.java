package dev.eddy.runtime.jobmanager.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.eddy.proto.Ack;
import dev.eddy.proto.CheckpointMetadataProto;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.OperatorCoordinatorProto;
import dev.eddy.proto.OperatorCoordinatorStateProto;
import dev.eddy.proto.OperatorEventProto;
import dev.eddy.proto.OperatorEventToCoordinatorRequest;
import dev.eddy.proto.OperatorEventToTaskRequest;
import dev.eddy.proto.PartitionType;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.proto.TaskStateSnapshotProto;
import dev.eddy.proto.TriggerCheckpointRequest;
import dev.eddy.runtime.coordination.OperatorEventCodec;
import dev.eddy.runtime.jobmanager.checkpoint.MetadataIO;
import dev.eddy.runtime.jobmanager.source.TestIntSource.IntSplit;
import dev.eddy.runtime.jobmanager.testing.CheckpointingJob;
import dev.eddy.runtime.jobmanager.testing.Jobs;
import dev.eddy.runtime.operators.coordination.OperatorEvent;
import dev.eddy.runtime.source.event.AddSplitEvent;
import dev.eddy.runtime.source.event.ReaderRegistrationEvent;
import dev.eddy.runtime.source.event.RequestSplitEvent;
import dev.eddy.runtime.util.InstantiationUtil;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The JobMaster with a source coordinator, against a fake TaskManager: events, checkpoints, restart, savepoint restore. */
@Timeout(60)
class JobMasterSourceCoordinatorTest {
    @TempDir
    Path root;
    private CheckpointingJob job;
    private CheckpointingJob second;

    @AfterEach
    void tearDown() {
        if (job != null) {
            job.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private JobGraphProto graph(int sourceParallelism, List<Integer> splits) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of("execution.checkpointing.dir", root.resolve("chk").toString(),
                "execution.checkpointing.interval", "1 h", "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "3", "restart-strategy.fixed-delay.delay", "10 ms"));
        OperatorCoordinatorProto coordinator = OperatorCoordinatorProto.newBuilder().setOperatorUid("src")
                .setSource(ByteString.copyFrom(InstantiationUtil.serializeObject(new TestIntSource(splits)))).build();
        return Jobs.job("with-source")
                .addVertices(Jobs.vertex("source", sourceParallelism).toBuilder().addOperatorUids("src").addOperatorCoordinators(coordinator))
                .addVertices(Jobs.vertex("map", 1).toBuilder().addOperatorUids("map"))
                .addEdges(Jobs.edge("source", "map", PartitionType.HASH))
                .putAllJobConfiguration(config).build();
    }

    private static TaskDeploymentDescriptor source(List<TaskDeploymentDescriptor> tasks, int subtask) {
        return tasks.stream().filter(t -> t.getVertexId().equals("source") && t.getSubtaskIndex() == subtask).findFirst().orElseThrow();
    }

    private static Ack send(CheckpointingJob job, TaskDeploymentDescriptor task, OperatorEvent event) {
        return job.jobMaster.sendOperatorEventToCoordinator(OperatorEventToCoordinatorRequest.newBuilder().setJobId(task.getJobId())
                .setExecutionAttemptId(task.getExecutionAttemptId()).setOperatorUid("src")
                .setEvent(OperatorEventCodec.toProto(event)).build()).join();
    }

    /** The split values the fake TaskManager got for {@code attemptId}. */
    private static List<Integer> splitsTo(CheckpointingJob job, String attemptId) throws Exception {
        List<Integer> values = new ArrayList<>();
        for (OperatorEventToTaskRequest r : job.tm.operatorEvents) {
            OperatorEvent e = OperatorEventCodec.fromProto(r.getEvent(), JobMasterSourceCoordinatorTest.class.getClassLoader());
            if (r.getExecutionAttemptId().equals(attemptId) && e instanceof AddSplitEvent add) {
                assertThat(r.getOperatorUid()).isEqualTo("src");
                add.splits(new TestIntSource(List.of()).getSplitSerializer()).forEach(s -> values.add(((IntSplit) s).value()));
            }
        }
        return values;
    }

    private static void awaitSplits(CheckpointingJob job, String attemptId, Integer... expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(splitsTo(job, attemptId)).containsExactly(expected));
    }

    private static List<Integer> enumeratorState(CheckpointMetadataProto metadata) throws Exception {
        OperatorCoordinatorStateProto state = metadata.getCoordinatorStatesList().stream()
                .filter(s -> s.getOperatorUid().equals("src")).findFirst().orElseThrow();
        return new TestIntSource(List.of()).getEnumeratorCheckpointSerializer().deserialize(state.getSerializerVersion(),
                state.getState().toByteArray());
    }

    @Test
    void readersGetSplitsOnRequestAndTheCheckpointHoldsTheEnumeratorState() throws Exception {
        job = new CheckpointingJob(graph(2, List.of(1, 2, 3)));
        List<TaskDeploymentDescriptor> tasks = job.start();
        TaskDeploymentDescriptor s0 = source(tasks, 0);
        assertThat(send(job, s0, new ReaderRegistrationEvent(0, "h")).getOk()).as("deploying attempts may register").isTrue();
        job.running(tasks);
        assertThat(send(job, s0, new RequestSplitEvent("h")).getOk()).isTrue();
        awaitSplits(job, s0.getExecutionAttemptId(), 1);

        TaskDeploymentDescriptor unknown = s0.toBuilder().setExecutionAttemptId("no-such-attempt").build();
        assertThat(send(job, unknown, new RequestSplitEvent("h")).getOk()).isFalse();

        long id = job.jobMaster.triggerCheckpoint().join();
        await().atMost(Duration.ofSeconds(10)).until(() -> job.tm.triggers().size() == 2);
        job.ackAll(tasks, id, t -> TaskStateSnapshotProto.getDefaultInstance());
        await().atMost(Duration.ofSeconds(10)).until(() -> job.jobMaster.latestCompletedCheckpoint().join().isPresent());
        CheckpointMetadataProto metadata = MetadataIO.read(job.jobMaster.latestCompletedCheckpoint().join().orElseThrow()
                .directory().toString()).metadata();
        assertThat(enumeratorState(metadata)).containsExactly(2, 3);
    }

    @Test
    void aSourceEventWithADisallowedClassIsRefusedAndTheJobManagerKeepsServing() throws Exception {
        job = new CheckpointingJob(graph(1, List.of(1, 2)));
        List<TaskDeploymentDescriptor> tasks = job.start();
        job.running(tasks);
        TaskDeploymentDescriptor s0 = source(tasks, 0);
        send(job, s0, new ReaderRegistrationEvent(0, "h"));
        // a crafted message, as anything reaching the gRPC port could send: the URLDNS gadget (a HashMap
        // whose java.net.URL key resolves its host on deserialization)
        HashMap<Object, Object> gadget = new HashMap<>();
        gadget.put(new java.net.URL("http://attacker.invalid/"), "x");
        Ack refused = job.jobMaster.sendOperatorEventToCoordinator(OperatorEventToCoordinatorRequest.newBuilder()
                .setJobId(s0.getJobId()).setExecutionAttemptId(s0.getExecutionAttemptId()).setOperatorUid("src")
                .setEvent(OperatorEventProto.newBuilder().setSourceEvent(ByteString.copyFrom(InstantiationUtil.serializeObject(gadget))))
                .build()).join();
        assertThat(refused.getOk()).isFalse();
        assertThat(refused.getMessage()).contains("Cannot read an operator event of", "for operator src",
                "Refused to deserialize a source event: class java.net.URL is not admitted");

        // only that event was dropped: the coordinator still answers, and another job runs
        assertThat(send(job, s0, new RequestSplitEvent("h")).getOk()).isTrue();
        awaitSplits(job, s0.getExecutionAttemptId(), 1);
        second = new CheckpointingJob(graph(1, List.of(7)));
        List<TaskDeploymentDescriptor> next = second.start();
        second.running(next);
        TaskDeploymentDescriptor n0 = source(next, 0);
        send(second, n0, new ReaderRegistrationEvent(0, "h"));
        assertThat(send(second, n0, new RequestSplitEvent("h")).getOk()).isTrue();
        awaitSplits(second, n0.getExecutionAttemptId(), 7);
    }

    @Test
    void aRestartGivesTheEnumeratorBackWhatWasAssignedAfterTheLatestCheckpoint() throws Exception {
        job = new CheckpointingJob(graph(1, List.of(1, 2, 3)));
        List<TaskDeploymentDescriptor> tasks = job.start();
        job.running(tasks);
        TaskDeploymentDescriptor s0 = source(tasks, 0);
        send(job, s0, new ReaderRegistrationEvent(0, "h"));
        send(job, s0, new RequestSplitEvent("h"));
        awaitSplits(job, s0.getExecutionAttemptId(), 1);
        long id = job.jobMaster.triggerCheckpoint().join();
        await().atMost(Duration.ofSeconds(10)).until(() -> job.tm.triggers().size() == 1);
        job.ackAll(tasks, id, t -> TaskStateSnapshotProto.getDefaultInstance());
        await().atMost(Duration.ofSeconds(10)).until(() -> job.jobMaster.latestCompletedCheckpoint().join().isPresent());
        send(job, s0, new RequestSplitEvent("h"));
        awaitSplits(job, s0.getExecutionAttemptId(), 1, 2);

        job.tm.report(s0.getExecutionAttemptId(), "FAILED", "boom");
        List<TaskDeploymentDescriptor> second = job.awaitAttempt(1);
        job.running(second);
        TaskDeploymentDescriptor s0b = source(second, 0);
        assertThat(send(job, s0, new RequestSplitEvent("h")).getOk()).as("the failed attempt is gone").isFalse();
        send(job, s0b, new ReaderRegistrationEvent(0, "h"));
        send(job, s0b, new RequestSplitEvent("h"));
        // split 1 is in the restored reader state; split 2 was handed out after the checkpoint: it comes again
        awaitSplits(job, s0b.getExecutionAttemptId(), 2);
    }

    @Test
    void aSavepointRestoresTheEnumeratorAtAnotherParallelism() throws Exception {
        job = new CheckpointingJob(graph(2, List.of(1, 2, 3, 4)));
        List<TaskDeploymentDescriptor> tasks = job.start();
        job.running(tasks);
        TaskDeploymentDescriptor s1 = source(tasks, 1);
        send(job, s1, new ReaderRegistrationEvent(1, "h"));
        send(job, s1, new RequestSplitEvent("h"));
        awaitSplits(job, s1.getExecutionAttemptId(), 1);
        var savepoint = job.jobMaster.triggerSavepoint(root.resolve("sp").toString(), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> job.tm.triggers().size() == 2);
        TriggerCheckpointRequest trigger = job.tm.triggers().get(0);
        job.ackAll(tasks, trigger.getCheckpointId(), t -> TaskStateSnapshotProto.getDefaultInstance());
        String dir = savepoint.join();

        second = new CheckpointingJob(graph(3, List.of(99)).toBuilder().setSavepointPath(dir).build());
        List<TaskDeploymentDescriptor> restored = second.start();
        second.running(restored);
        TaskDeploymentDescriptor r2 = source(restored, 2);
        send(second, r2, new ReaderRegistrationEvent(2, "h"));
        for (int i = 0; i < 3; i++) {
            send(second, r2, new RequestSplitEvent("h"));
        }
        awaitSplits(second, r2.getExecutionAttemptId(), 2, 3, 4);
    }
}

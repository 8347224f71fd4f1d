package dev.eddy.runtime.jobmanager.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eddy.proto.HeartbeatRequest;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.PartitionType;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.jobmanager.testing.FakeTaskExecutor;
import dev.eddy.runtime.jobmanager.testing.Jobs;
import dev.eddy.runtime.jobmanager.testing.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Restart strategies in the JobMaster: restart, redeploy with new attempts, exhaustion, cancel. */
class JobRestartTest {
    private TestCluster cluster;
    private ScheduledExecutorService heartbeats;

    @AfterEach
    void tearDown() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static JobGraphProto job(Map<String, String> config) {
        return Jobs.twoVertices(1, PartitionType.FORWARD, 1).toBuilder().putAllJobConfiguration(config).build();
    }

    private static Map<String, String> fixedDelay(int attempts, String delay) {
        return Map.of("restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.attempts", Integer.toString(attempts),
                "restart-strategy.fixed-delay.delay", delay);
    }

    private int freeSlots() {
        return cluster.resourceManager.getClusterOverview().join().getSlotsFree();
    }

    private static List<TaskDeploymentDescriptor> attempt(List<TaskDeploymentDescriptor> all, int attemptNumber) {
        return all.stream().filter(t -> t.getAttemptNumber() == attemptNumber).toList();
    }

    @Test
    void fixedDelayRestartsTwiceThenFailsWithTheExhaustedMessage() throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5));
        FakeTaskExecutor tm = cluster.addTaskManager(2);
        tm.ignoreCancels = true;
        String jobId = cluster.dispatcher.submitJob(job(fixedDelay(2, "20 ms"))).join();
        List<TaskDeploymentDescriptor> first = cluster.awaitDeployed(2);
        tm.reportAll("RUNNING");

        // first failure: RESTARTING until the other task confirms its cancellation
        TaskDeploymentDescriptor sink0 = first.stream().filter(t -> t.getVertexId().equals("sink")).findFirst().orElseThrow();
        TaskDeploymentDescriptor source0 = first.stream().filter(t -> t.getVertexId().equals("source")).findFirst().orElseThrow();
        tm.report(sink0.getExecutionAttemptId(), "FAILED", "boom 1");
        JobStatusProto restarting = cluster.status(jobId);
        assertThat(restarting.getState()).isEqualTo("RESTARTING");
        assertThat(restarting.getFailure()).endsWith("boom 1");
        assertThat(tm.cancelled).containsExactly(source0.getExecutionAttemptId());
        assertThat(tm.freedAllocations).isEmpty();
        tm.report(source0.getExecutionAttemptId(), "CANCELED", "");

        List<TaskDeploymentDescriptor> all = cluster.awaitDeployed(4);
        cluster.awaitState(jobId, "RUNNING");
        assertThat(tm.freedAllocations).containsExactly(sink0.getAllocationId());
        List<TaskDeploymentDescriptor> second = attempt(all, 1);
        assertThat(second).hasSize(2).extracting(TaskDeploymentDescriptor::getVertexId).containsExactlyInAnyOrder("source", "sink");
        assertThat(second).extracting(TaskDeploymentDescriptor::getExecutionAttemptId)
                .doesNotContainAnyElementsOf(first.stream().map(TaskDeploymentDescriptor::getExecutionAttemptId).toList());
        assertThat(cluster.status(jobId).getFailure()).isEmpty();

        // a late report of an old attempt is ignored
        assertThat(tm.report(source0.getExecutionAttemptId(), "FAILED", "late").getOk()).isFalse();
        assertThat(cluster.status(jobId).getState()).isEqualTo("RUNNING");

        // second failure: restarts again, attempt number 2
        tm.ignoreCancels = false;
        TaskDeploymentDescriptor source1 = second.stream().filter(t -> t.getVertexId().equals("source")).findFirst().orElseThrow();
        tm.report(source1.getExecutionAttemptId(), "FAILED", "boom 2");
        all = cluster.awaitDeployed(6);
        List<TaskDeploymentDescriptor> third = attempt(all, 2);
        assertThat(third).hasSize(2);
        cluster.awaitState(jobId, "RUNNING");

        // third failure: exhausted
        TaskDeploymentDescriptor sink2 = third.stream().filter(t -> t.getVertexId().equals("sink")).findFirst().orElseThrow();
        tm.report(sink2.getExecutionAttemptId(), "FAILED", "boom 3");
        JobStatusProto failed = cluster.awaitState(jobId, "FAILED");
        assertThat(failed.getFailure()).isEqualTo("Restart strategy fixed-delay (attempts 2, delay 20 ms) exhausted after 2 restarts; "
                + "last failure: Task 'sink (1/1)' failed on TaskManager " + tm.id + " (" + tm.rpcAddress + "):\nboom 3");
        await().atMost(Duration.ofSeconds(5)).until(() -> freeSlots() == 2);
        assertThat(cluster.allDeployed()).hasSize(6);
    }

    @Test
    void aBadRestartStrategyRejectsTheSubmission() throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5));
        cluster.addTaskManager(2);
        assertThatThrownBy(() -> cluster.dispatcher.submitJob(job(Map.of("restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "many"))).join())
                .hasMessageContaining("Could not parse value 'many' for key 'restart-strategy.fixed-delay.attempts'");
        assertThatThrownBy(() -> cluster.dispatcher.submitJob(job(Map.of("restart-strategy.type", "failure-rate"))).join())
                .hasMessageContaining("failure-rate restart strategy (restart-strategy.type) is not supported yet");
        assertThat(cluster.dispatcher.listJobs().join()).isEmpty();
        assertThat(cluster.allDeployed()).isEmpty();
    }

    @Test
    void theRestartWaitsForTheDelay() throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5));
        FakeTaskExecutor tm = cluster.addTaskManager(1);
        String jobId = cluster.dispatcher.submitJob(job(fixedDelay(1, "300 ms"))).join();
        TaskDeploymentDescriptor source = cluster.awaitDeployed(2).get(0);
        long start = System.nanoTime();
        tm.report(source.getExecutionAttemptId(), "FAILED", "boom");
        cluster.awaitDeployed(4);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(cluster.status(jobId).getState()).isEqualTo("RUNNING");
    }

    @Test
    void lostTaskManagerRestartsOntoTheRemainingOne() throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(200));
        FakeTaskExecutor a = cluster.addTaskManager(1);
        FakeTaskExecutor b = cluster.addTaskManager(1);
        AtomicBoolean aBeats = new AtomicBoolean(true);
        AtomicBoolean bBeats = new AtomicBoolean(true);
        heartbeats = Executors.newSingleThreadScheduledExecutor();
        heartbeats.scheduleWithFixedDelay(() -> {
            if (aBeats.get()) {
                cluster.resourceManager.heartbeat(HeartbeatRequest.newBuilder().setTaskManagerId(a.id).build());
            }
            if (bBeats.get()) {
                cluster.resourceManager.heartbeat(HeartbeatRequest.newBuilder().setTaskManagerId(b.id).build());
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        String jobId = cluster.dispatcher.submitJob(job(fixedDelay(1, "10 ms"))).join();
        TaskDeploymentDescriptor first = cluster.awaitDeployed(2).get(0);
        FakeTaskExecutor owner = cluster.ownerOf(first.getExecutionAttemptId());
        FakeTaskExecutor other = owner == a ? b : a;
        (owner == a ? aBeats : bBeats).set(false);

        await().atMost(Duration.ofSeconds(10)).until(() -> other.deployed.size() == 2);
        cluster.awaitState(jobId, "RUNNING");
        assertThat(other.deployed).allSatisfy(t -> assertThat(t.getAttemptNumber()).isEqualTo(1));
        assertThat(owner.deployed).hasSize(2);
        assertThat(owner.freedAllocations).isEmpty();
        assertThat(freeSlots()).isZero();
    }

    @Test
    void slotTimeoutWhileRestartingFailsTheJob() throws Exception {
        cluster = new TestCluster(Duration.ofMillis(200));
        FakeTaskExecutor tm = cluster.addTaskManager(1);
        String jobId = cluster.dispatcher.submitJob(job(fixedDelay(3, "300 ms"))).join();
        TaskDeploymentDescriptor source = cluster.awaitDeployed(2).get(0);
        // someone else takes the freed slot before the restart asks for it
        tm.report(source.getExecutionAttemptId(), "FAILED", "boom");
        await().atMost(Duration.ofSeconds(5)).until(() -> tm.freedAllocations.size() == 1);
        cluster.resourceManager.requestSlots("other-job", 1, Duration.ofSeconds(5), (t, m) -> {}).join();

        JobStatusProto failed = cluster.awaitState(jobId, "FAILED");
        assertThat(failed.getFailure()).startsWith("Could not allocate the required slots within slot.request.timeout")
                .contains("The job was restarting after: Task 'source (1/1)' failed").endsWith("boom");
    }

    @Test
    void cancelWhileRestartingCancelsTheJob() throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5));
        FakeTaskExecutor tm = cluster.addTaskManager(2);
        tm.ignoreCancels = true;
        String jobId = cluster.dispatcher.submitJob(job(fixedDelay(5, "10 s"))).join();
        List<TaskDeploymentDescriptor> first = cluster.awaitDeployed(2);
        tm.report(first.get(0).getExecutionAttemptId(), "FAILED", "boom");
        assertThat(cluster.status(jobId).getState()).isEqualTo("RESTARTING");

        assertThat(cluster.dispatcher.cancelJob(jobId).join()).isEqualTo("CANCELLING");
        tm.report(first.get(1).getExecutionAttemptId(), "CANCELED", "");
        cluster.awaitState(jobId, "CANCELED");
        await().atMost(Duration.ofSeconds(5)).until(() -> freeSlots() == 2);
        assertThat(cluster.allDeployed()).hasSize(2);
    }

    @Test
    void cancelDuringTheBackoffCancelsTheJobWithoutRedeploying() throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5));
        FakeTaskExecutor tm = cluster.addTaskManager(1);
        String jobId = cluster.dispatcher.submitJob(job(fixedDelay(5, "10 s"))).join();
        List<TaskDeploymentDescriptor> first = cluster.awaitDeployed(2);
        tm.report(first.get(0).getExecutionAttemptId(), "FAILED", "boom");
        await().atMost(Duration.ofSeconds(5)).until(() -> tm.freedAllocations.size() == 1);
        assertThat(cluster.status(jobId).getState()).isEqualTo("RESTARTING");

        assertThat(cluster.dispatcher.cancelJob(jobId).join()).isEqualTo("CANCELED");
        assertThat(freeSlots()).isEqualTo(1);
        assertThat(cluster.allDeployed()).hasSize(2);
        assertThat(tm.freedAllocations).hasSize(1);
    }
}

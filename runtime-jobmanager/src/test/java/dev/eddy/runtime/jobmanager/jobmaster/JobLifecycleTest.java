package dev.eddy.runtime.jobmanager.jobmaster;

import static dev.eddy.runtime.jobmanager.testing.Jobs.edge;
import static dev.eddy.runtime.jobmanager.testing.Jobs.job;
import static dev.eddy.runtime.jobmanager.testing.Jobs.vertex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.PartitionType;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.jobmanager.testing.FakeTaskExecutor;
import dev.eddy.runtime.jobmanager.testing.Jobs;
import dev.eddy.runtime.jobmanager.testing.TestCluster;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job's way through scheduling, deployment, and its end states, against fake TaskManagers. */
class JobLifecycleTest {
    private TestCluster cluster;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private TestCluster cluster(int taskManagers, int slotsEach) throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5));
        for (int i = 0; i < taskManagers; i++) {
            cluster.addTaskManager(slotsEach);
        }
        return cluster;
    }

    private int freeSlots() {
        return cluster.resourceManager.getClusterOverview().join().getSlotsFree();
    }

    @Test
    void parallelismFourUsesBothTaskManagers() throws Exception {
        cluster(2, 2);
        String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(4, PartitionType.FORWARD, 4)).join();
        cluster.awaitDeployed(8);
        for (FakeTaskExecutor tm : cluster.taskManagers) {
            assertThat(tm.deployed).hasSize(4);
            Set<String> allocations = new HashSet<>();
            tm.deployed.forEach(t -> allocations.add(t.getAllocationId()));
            assertThat(allocations).as("two shared slots per TaskManager").hasSize(2);
            for (String vertex : List.of("source", "sink")) {
                assertThat(tm.deployed.stream().filter(t -> t.getVertexId().equals(vertex))).hasSize(2);
            }
        }
        // subtask i of both vertices shares a slot
        for (TaskDeploymentDescriptor src : cluster.allDeployed()) {
            TaskDeploymentDescriptor partner = cluster.allDeployed().stream()
                    .filter(t -> !t.getVertexId().equals(src.getVertexId()) && t.getSubtaskIndex() == src.getSubtaskIndex())
                    .findFirst().orElseThrow();
            assertThat(partner.getAllocationId()).isEqualTo(src.getAllocationId());
        }
        assertThat(cluster.status(jobId).getState()).isEqualTo("RUNNING");
        assertThat(freeSlots()).isZero();
    }

    @Test
    void twoVerticesOfParallelismTwoNeedTwoSlots() throws Exception {
        cluster(1, 2);
        String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(2, PartitionType.HASH, 2)).join();
        cluster.awaitDeployed(4);
        assertThat(cluster.status(jobId).getState()).isEqualTo("RUNNING");
        assertThat(cluster.allDeployed().stream().map(TaskDeploymentDescriptor::getAllocationId).distinct()).hasSize(2);
        assertThat(freeSlots()).isZero();
    }

    @Test
    void slotSharingGroupsAddUp() throws Exception {
        cluster = new TestCluster(Duration.ofMillis(300));
        cluster.addTaskManager(3);
        JobGraphProto job = job("groups").addVertices(vertex("a", 2, "g1")).addVertices(vertex("b", 2, "g2"))
                .addEdges(edge("a", "b", PartitionType.FORWARD)).build();
        String jobId = cluster.dispatcher.submitJob(job).join();
        JobStatusProto status = cluster.awaitState(jobId, "FAILED");
        assertThat(status.getFailure()).contains("the job needs 4 slots, 3 free");

        cluster.addTaskManager(1);
        JobGraphProto again = job.toBuilder().setJobId("0123456789abcdef0123456789abcdef").build();
        cluster.dispatcher.submitJob(again).join();
        List<TaskDeploymentDescriptor> tdds = cluster.awaitDeployed(4);
        assertThat(tdds).extracting(TaskDeploymentDescriptor::getAllocationId).doesNotHaveDuplicates();
    }

    @Test
    void finishedJobFreesItsSlots() throws Exception {
        cluster(2, 2);
        String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(2, PartitionType.REBALANCE, 2)).join();
        cluster.awaitDeployed(4);
        for (FakeTaskExecutor tm : cluster.taskManagers) {
            tm.reportAll("INITIALIZING");
            tm.reportAll("RUNNING");
        }
        JobStatusProto running = cluster.status(jobId);
        assertThat(running.getVerticesList()).allSatisfy(v -> assertThat(v.getTasksPerStateMap()).containsExactly(java.util.Map.entry("RUNNING", 2)));

        cluster.taskManagers.get(0).reportAll("FINISHED");
        assertThat(cluster.status(jobId).getState()).isEqualTo("RUNNING");
        cluster.taskManagers.get(1).reportAll("FINISHED");

        JobStatusProto done = cluster.awaitState(jobId, "FINISHED");
        assertThat(done.getEndTimeMillis()).isGreaterThanOrEqualTo(done.getStartTimeMillis()).isPositive();
        assertThat(done.getFailure()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> freeSlots() == 4);
        for (FakeTaskExecutor tm : cluster.taskManagers) {
            assertThat(tm.freedAllocations).containsExactlyInAnyOrderElementsOf(
                    tm.deployed.stream().map(TaskDeploymentDescriptor::getAllocationId).distinct().toList());
            assertThat(tm.cancelled).isEmpty();
        }
    }

    @Test
    void taskFailureFailsTheJobAndCancelsTheOthers() throws Exception {
        cluster(2, 2);
        String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(2, PartitionType.HASH, 2)).join();
        List<TaskDeploymentDescriptor> tdds = cluster.awaitDeployed(4);
        cluster.taskManagers.forEach(tm -> tm.reportAll("RUNNING"));
        TaskDeploymentDescriptor victim = tdds.stream().filter(t -> t.getVertexId().equals("sink") && t.getSubtaskIndex() == 1)
                .findFirst().orElseThrow();
        FakeTaskExecutor owner = cluster.ownerOf(victim.getExecutionAttemptId());

        owner.report(victim.getExecutionAttemptId(), "FAILED", "java.lang.IllegalStateException: Record 42 is poison\n\tat Poison.map");

        JobStatusProto failed = cluster.awaitState(jobId, "FAILED");
        assertThat(failed.getFailure()).isEqualTo("Task 'sink (2/2)' failed on TaskManager " + owner.id + " (" + owner.rpcAddress
                + "):\njava.lang.IllegalStateException: Record 42 is poison\n\tat Poison.map");
        List<String> cancelled = cluster.taskManagers.stream().flatMap(tm -> tm.cancelled.stream()).toList();
        assertThat(cancelled).hasSize(3).doesNotContain(victim.getExecutionAttemptId());
        await().atMost(Duration.ofSeconds(5)).until(() -> freeSlots() == 4);
        assertThat(failed.getVerticesList()).flatExtracting(v -> v.getTasksPerStateMap().keySet()).containsOnly("FAILED", "CANCELED");
    }

    @Test
    void rejectedDeploymentFailsTheJob() throws Exception {
        cluster(1, 2);
        cluster.taskManagers.get(0).rejectReason = "slot 7 unknown";
        String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(1, PartitionType.FORWARD, 1)).join();
        assertThat(cluster.awaitState(jobId, "FAILED").getFailure()).contains("Could not deploy the task: slot 7 unknown")
                .startsWith("Task 'source (1/1)' failed on TaskManager tm-0");
    }

    @Test
    void cancelCancelsEveryTask() throws Exception {
        cluster(2, 2);
        String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(2, PartitionType.FORWARD, 2)).join();
        cluster.awaitDeployed(4);
        cluster.taskManagers.forEach(tm -> tm.ignoreCancels = true);

        assertThat(cluster.dispatcher.cancelJob(jobId).join()).isEqualTo("CANCELLING");
        assertThat(cluster.status(jobId).getState()).isEqualTo("CANCELLING");
        List<String> cancelled = cluster.taskManagers.stream().flatMap(tm -> tm.cancelled.stream()).toList();
        assertThat(cancelled).hasSize(4);
        for (String attempt : cancelled) {
            cluster.ownerOf(attempt).report(attempt, "CANCELED", "");
        }

        cluster.awaitState(jobId, "CANCELED");
        await().atMost(Duration.ofSeconds(5)).until(() -> freeSlots() == 4);
        assertThat(cluster.dispatcher.cancelJob(jobId).join()).isEqualTo("CANCELED");
    }

    @Test
    void cancelWhileWaitingForSlots() throws Exception {
        cluster(1, 1);
        String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(3, PartitionType.HASH, 3)).join();
        assertThat(cluster.status(jobId).getState()).isEqualTo("CREATED");
        cluster.dispatcher.cancelJob(jobId).join();
        cluster.awaitState(jobId, "CANCELED");
        cluster.addTaskManager(2);
        assertThat(freeSlots()).isEqualTo(3);
        assertThat(cluster.allDeployed()).isEmpty();
    }

    @Test
    void notEnoughSlotsFailsAfterTheTimeout() throws Exception {
        cluster = new TestCluster(Duration.ofMillis(200));
        cluster.addTaskManager(2);
        long start = System.nanoTime();
        String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(3, PartitionType.HASH, 1)).join();
        JobStatusProto failed = cluster.awaitState(jobId, "FAILED");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(failed.getFailure()).isEqualTo("Could not allocate the required slots within slot.request.timeout (0.2 s): "
                + "the job needs 3 slots, 2 free (1 TaskManagers, 2 slots in total)");
        assertThat(cluster.allDeployed()).isEmpty();
    }

    @Test
    void lostTaskManagerFailsTheJob() throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(200));
        FakeTaskExecutor silent = cluster.addTaskManager(1);
        FakeTaskExecutor alive = cluster.addTaskManager(1);
        var heartbeats = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        var silentStillBeats = new java.util.concurrent.atomic.AtomicBoolean(true);
        try {
            heartbeats.scheduleWithFixedDelay(() -> {
                cluster.resourceManager.heartbeat(dev.eddy.proto.HeartbeatRequest.newBuilder().setTaskManagerId(alive.id).build());
                if (silentStillBeats.get()) {
                    cluster.resourceManager.heartbeat(dev.eddy.proto.HeartbeatRequest.newBuilder().setTaskManagerId(silent.id).build());
                }
            }, 0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
            String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(2, PartitionType.HASH, 2)).join();
            cluster.awaitDeployed(4);
            assertThat(cluster.status(jobId).getState()).isEqualTo("RUNNING");
            silentStillBeats.set(false); // from now on only "alive" sends heartbeats
            JobStatusProto failed = cluster.awaitState(jobId, "FAILED");
            assertThat(failed.getFailure()).startsWith("TaskManager " + silent.id + " (" + silent.rpcAddress + ") lost: no heartbeat for 0.");
            assertThat(alive.cancelled).hasSize(2);
            assertThat(silent.cancelled).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> freeSlots() == 1);
            assertThat(alive.freedAllocations).hasSize(1);
            assertThat(silent.freedAllocations).isEmpty();
        } finally {
            heartbeats.shutdownNow();
        }
    }

    @Test
    void lostTaskManagerIsShownFirstWhenTasksElsewhereFailedBecauseOfIt() throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(300));
        FakeTaskExecutor dead = cluster.addTaskManager(1);
        FakeTaskExecutor alive = cluster.addTaskManager(1);
        dead.ignoreCancels = true;
        String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(2, PartitionType.HASH, 2)).join();
        cluster.awaitDeployed(4);
        var heartbeats = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            var deadStillBeats = new java.util.concurrent.atomic.AtomicBoolean(true);
            heartbeats.scheduleWithFixedDelay(() -> {
                cluster.resourceManager.heartbeat(dev.eddy.proto.HeartbeatRequest.newBuilder().setTaskManagerId(alive.id).build());
                if (deadStillBeats.get()) {
                    cluster.resourceManager.heartbeat(dev.eddy.proto.HeartbeatRequest.newBuilder().setTaskManagerId(dead.id).build());
                }
            }, 0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
            TaskDeploymentDescriptor consumer = alive.deployed.stream().filter(t -> t.getVertexId().equals("sink")).findFirst().orElseThrow();
            alive.report(consumer.getExecutionAttemptId(), "FAILED", "java.net.ConnectException: Connection refused: " + dead.dataAddress);
            assertThat(cluster.status(jobId).getState()).isEqualTo("FAILING");
            deadStillBeats.set(false); // the TaskManager dies only now

            JobStatusProto failed = cluster.awaitState(jobId, "FAILED");
            assertThat(failed.getFailure()).startsWith("TaskManager " + dead.id + " (" + dead.rpcAddress + ") lost: no heartbeat for ")
                    .contains("First task failure reported:\nTask 'sink (")
                    .endsWith("Connection refused: " + dead.dataAddress);
        } finally {
            heartbeats.shutdownNow();
        }
    }

    @Test
    void cancelGivesUpWaitingForTasksAfterTheCancelTimeout() throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMillis(200));
        cluster.addTaskManager(2).ignoreCancels = true;
        String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(2, PartitionType.FORWARD, 2)).join();
        cluster.awaitDeployed(4);
        cluster.dispatcher.cancelJob(jobId).join();
        assertThat(cluster.status(jobId).getState()).isEqualTo("CANCELLING");
        JobStatusProto canceled = cluster.awaitState(jobId, "CANCELED");
        assertThat(canceled.getVerticesList()).allSatisfy(v -> assertThat(v.getTasksPerStateMap()).containsOnlyKeys("CANCELED"));
        await().atMost(Duration.ofSeconds(5)).until(() -> cluster.taskManagers.get(0).freedAllocations.size() == 2);
    }

    @Test
    void updatesForUnknownAttemptsAreIgnored() throws Exception {
        cluster(1, 1);
        String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(1, PartitionType.FORWARD, 1)).join();
        cluster.awaitDeployed(2);
        var ack = cluster.dispatcher.updateTaskExecutionState(dev.eddy.proto.TaskExecutionStateProto.newBuilder()
                .setJobId(jobId).setExecutionAttemptId("feedbeef").setState("FAILED").setFailure("boom").build()).join();
        assertThat(ack.getOk()).isFalse();
        assertThat(ack.getMessage()).contains("Unknown execution attempt feedbeef");
        assertThat(cluster.status(jobId).getState()).isEqualTo("RUNNING");
    }
}

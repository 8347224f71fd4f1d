package dev.eddy.runtime.jobmanager.checkpoint;

import static dev.eddy.runtime.jobmanager.checkpoint.StateHandles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eddy.proto.CheckpointMetadataProto;
import dev.eddy.proto.CheckpointNotificationRequest;
import dev.eddy.proto.OperatorStatePartProto.Mode;
import dev.eddy.proto.OperatorStateProto;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.proto.TaskStateSnapshotProto;
import dev.eddy.proto.TriggerCheckpointRequest;
import dev.eddy.runtime.jobmanager.testing.CheckpointingJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JobMaster with its checkpoint coordinator, against a fake TaskManager. */
class JobMasterCheckpointTest {
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

    private Map<String, String> config(String... keyValues) {
        Map<String, String> config = new HashMap<>(Map.of("execution.checkpointing.dir", root.resolve("chk").toString(),
                "execution.checkpointing.interval", "1 h", "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "3", "restart-strategy.fixed-delay.delay", "10 ms"));
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    private List<TaskDeploymentDescriptor> startRunning(int p1, int p2, Map<String, String> config) {
        job = new CheckpointingJob(CheckpointingJob.job(p1, p2, config));
        List<TaskDeploymentDescriptor> tasks = job.start();
        job.running(tasks);
        return tasks;
    }

    private static Set<String> attemptIds(List<TaskDeploymentDescriptor> tasks, String vertex) {
        return tasks.stream().filter(t -> vertex == null || t.getVertexId().equals(vertex))
                .map(TaskDeploymentDescriptor::getExecutionAttemptId).collect(Collectors.toSet());
    }

    /** Sources: a split list and a union list; maps: a keyed handle for their range (paths under {@code dir}). */
    private static TaskStateSnapshotProto state(TaskDeploymentDescriptor t, Path dir) {
        int i = t.getSubtaskIndex();
        OperatorSubtaskStateProto.Builder s = OperatorSubtaskStateProto.newBuilder();
        if (t.getVertexId().equals("source")) {
            s.setOperatorUid("src").addOperatorState(part("offsets", Mode.SPLIT_DISTRIBUTE, "o" + i))
                    .addOperatorState(part("seen", Mode.UNION, "u" + i));
        } else {
            s.setOperatorUid("map").addManagedKeyed(keyed(keyGroups(dir.resolve("map-" + i).toString(), 128, t.getParallelism(), i)));
        }
        return TaskStateSnapshotProto.newBuilder().addOperators(s).build();
    }

    private List<CheckpointNotificationRequest> notifications(long id) {
        return job.tm.notifications().stream().filter(n -> n.getCheckpointId() == id).toList();
    }

    private void awaitNotifications(long id, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications(id).size() == count);
    }

    private Path chk(long id) {
        return root.resolve("chk").resolve(job.jobGraph.getJobId()).resolve("chk-" + id);
    }

    private long completeCheckpoint(List<TaskDeploymentDescriptor> tasks) {
        long id = job.jobMaster.triggerCheckpoint().join();
        job.ackAll(tasks, id, t -> state(t, chk(id)));
        return id;
    }

    @Test
    void periodicCheckpointsGoOnlyToSourcesAndOnlyOnceAllTasksRun() throws Exception {
        job = new CheckpointingJob(CheckpointingJob.job(2, 3, config("execution.checkpointing.interval", "20 ms")));
        List<TaskDeploymentDescriptor> tasks = job.start();
        Thread.sleep(150);
        assertThat(job.tm.triggers()).as("no trigger while tasks are deploying").isEmpty();
        job.running(tasks);

        await().atMost(Duration.ofSeconds(10)).until(() -> job.tm.triggers().size() >= 2);
        Thread.sleep(100); // more periods pass: max-concurrent 1 keeps the unacknowledged checkpoint 1 alone
        List<TriggerCheckpointRequest> triggers = job.tm.triggers();
        assertThat(triggers).hasSize(2).allSatisfy(t -> {
            assertThat(t.getCheckpointId()).isEqualTo(1);
            assertThat(t.getOptions().getExactlyOnce()).isTrue();
            assertThat(t.getOptions().getSavepoint()).isFalse();
            assertThat(t.getOptions().getTargetDirectory()).isEqualTo(chk(1).toString());
            assertThat(t.getOptions().getSharedDirectory()).isEqualTo(chk(1).resolveSibling("shared").toString());
        });
        assertThat(triggers.stream().map(TriggerCheckpointRequest::getExecutionAttemptId).collect(Collectors.toSet()))
                .isEqualTo(attemptIds(tasks, "source"));

        // acknowledged: the next period triggers checkpoint 2
        job.ackAll(tasks, 1, t -> state(t, chk(1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> job.tm.triggers().stream().anyMatch(t -> t.getCheckpointId() == 2));
    }

    @Test
    void checkpointsGoOnAfterASourceSubtaskFinishedAndStopOnceEverySourceHas() throws Exception {
        List<TaskDeploymentDescriptor> tasks = startRunning(2, 2, config());
        List<TaskDeploymentDescriptor> sources = tasks.stream().filter(t -> t.getVertexId().equals("source")).toList();
        TaskDeploymentDescriptor finished = sources.get(0);
        job.tm.report(finished.getExecutionAttemptId(), "FINISHED", "");

        long id = job.jobMaster.triggerCheckpoint().join();
        List<TriggerCheckpointRequest> triggers = job.tm.triggers().stream().filter(t -> t.getCheckpointId() == id).toList();
        assertThat(triggers).extracting(TriggerCheckpointRequest::getExecutionAttemptId)
                .as("only the source still running is triggered").containsExactly(sources.get(1).getExecutionAttemptId());
        List<TaskDeploymentDescriptor> running = tasks.stream().filter(t -> t != finished).toList();
        job.ackAll(running, id, t -> state(t, chk(id)));
        CompletedCheckpoint completed = job.jobMaster.latestCompletedCheckpoint().join().orElseThrow();
        assertThat(completed.checkpointId()).as("complete without the finished task").isEqualTo(id);
        OperatorStateProto src = MetadataIO.read(chk(id).toString()).metadata().getOperatorsList().stream()
                .filter(o -> o.getOperatorUid().equals("src")).findFirst().orElseThrow();
        assertThat(src.getSubtasks(0).getOperatorStateList()).as("the finished subtask has empty state").isEmpty();
        assertThat(src.getSubtasks(1).getOperatorStateList()).isNotEmpty();

        job.tm.report(sources.get(1).getExecutionAttemptId(), "FINISHED", "");
        assertThatThrownBy(() -> job.jobMaster.triggerCheckpoint().join()).as("no source left to trigger")
                .hasMessageContaining("no checkpoint triggered");
    }

    @Test
    void allAcknowledgementsCompleteTheCheckpointWriteMetadataAndNotifyEveryTask() {
        List<TaskDeploymentDescriptor> tasks = startRunning(2, 2, config());
        long id = job.jobMaster.triggerCheckpoint().join();
        assertThat(id).isEqualTo(1);
        List<TaskDeploymentDescriptor> allButLast = tasks.subList(0, tasks.size() - 1);
        job.ackAll(allButLast, id, t -> state(t, chk(id)));
        assertThat(job.ack(tasks.get(0), id, state(tasks.get(0), chk(id)), 1, 0).getOk()).as("duplicate").isFalse();
        assertThat(job.jobMaster.latestCompletedCheckpoint().join()).isEmpty();
        assertThat(chk(id).resolve("_metadata")).doesNotExist();

        TaskDeploymentDescriptor last = tasks.get(tasks.size() - 1);
        assertThat(job.ack(last, id, state(last, chk(id)), 10, 7).getOk()).isTrue();
        CompletedCheckpoint completed = job.jobMaster.latestCompletedCheckpoint().join().orElseThrow();
        assertThat(completed.checkpointId()).isEqualTo(1);
        assertThat(completed.directory()).isEqualTo(chk(1));

        CheckpointMetadataProto read = MetadataIO.read(chk(1).toString()).metadata();
        assertThat(read.getCheckpointId()).isEqualTo(1);
        assertThat(read.getSavepoint()).isFalse();
        assertThat(read.getJobId()).isEqualTo(job.jobGraph.getJobId());
        assertThat(read.getOperatorsList()).extracting(OperatorStateProto::getOperatorUid).containsExactlyInAnyOrder("src", "map");
        OperatorStateProto map = read.getOperatorsList().stream().filter(o -> o.getOperatorUid().equals("map")).findFirst().orElseThrow();
        assertThat(map.getParallelism()).isEqualTo(2);
        assertThat(map.getMaxParallelism()).isEqualTo(128);
        assertThat(map.getSubtasks(1).getManagedKeyed(0).getKeyGroups().getPath()).isEqualTo(chk(1).resolve("map-1").toString());

        awaitNotifications(1, 4);
        assertThat(notifications(1)).allSatisfy(n -> assertThat(n.getCompleted()).isTrue());
        assertThat(notifications(1).stream().map(CheckpointNotificationRequest::getExecutionAttemptId).collect(Collectors.toSet()))
                .isEqualTo(attemptIds(tasks, null));
        List<CheckpointStats> stats = job.jobMaster.checkpointStats().join();
        assertThat(stats).hasSize(1);
        assertThat(stats.get(0).bytes()).isEqualTo(40);
        assertThat(stats.get(0).maxAlignmentMillis()).isEqualTo(7);
        assertThat(stats.get(0).savepoint()).isFalse();
        assertThat(job.ack(last, 99, state(last, chk(99)), 1, 0).getOk()).as("unknown checkpoint").isFalse();
    }

    @Test
    void declinedAndRejectedCheckpointsAbortAndTooManyFailuresRestartTheJob() throws IOException {
        List<TaskDeploymentDescriptor> tasks = startRunning(2, 2,
                config("execution.checkpointing.tolerable-failed-checkpoints", "1"));
        long first = job.jobMaster.triggerCheckpoint().join();
        assertThat(chk(first)).isDirectory();
        TaskDeploymentDescriptor map = tasks.stream().filter(t -> t.getVertexId().equals("map")).findFirst().orElseThrow();
        assertThat(job.decline(map, first, "disk full").getOk()).isTrue();
        awaitNotifications(first, 4);
        assertThat(notifications(first)).allSatisfy(n -> assertThat(n.getCompleted()).isFalse());
        assertThat(chk(first)).doesNotExist();
        assertThat(job.status().getState()).as("one failure is tolerated").isEqualTo("RUNNING");
        // a task that still wrote its files and acknowledged late: its files are removed again
        Files.createDirectories(chk(first));
        Files.writeString(chk(first).resolve("late"), "x");
        assertThat(job.ack(tasks.get(0), first, state(tasks.get(0), chk(first)), 1, 0).getOk()).isFalse();
        assertThat(chk(first)).doesNotExist();

        // a source that refuses the trigger (it just finished, or is failing) aborts the checkpoint
        // without counting as a checkpoint failure: the job stays RUNNING
        job.tm.rejectCheckpointReason = "Task is not running";
        long secondId = job.jobMaster.triggerCheckpoint().exceptionally(e -> 2L).join();
        assertThat(secondId).isEqualTo(2);
        org.awaitility.Awaitility.await("checkpoint 2 aborted").atMost(java.time.Duration.ofSeconds(5))
                .until(() -> !java.nio.file.Files.exists(chk(secondId)));
        assertThat(job.status().getState()).as("a refused trigger is not a checkpoint failure").isEqualTo("RUNNING");

        job.tm.rejectCheckpointReason = null;
        job.tm.ignoreCancels = true;
        long third = job.jobMaster.triggerCheckpoint().join();
        assertThat(third).isEqualTo(3);
        assertThat(job.decline(map, third, "disk still full").getOk()).isTrue();
        var restarting = job.awaitState("RESTARTING");
        assertThat(restarting.getFailure()).startsWith("Exceeded checkpoint tolerable failure threshold "
                + "(execution.checkpointing.tolerable-failed-checkpoints: 1). Checkpoint 3 of job " + job.jobGraph.getJobId())
                .contains("disk still full");
        assertThat(chk(third)).doesNotExist();

        job.tm.rejectCheckpointReason = null;
        job.tm.ignoreCancels = false;
        tasks.forEach(t -> job.tm.report(t.getExecutionAttemptId(), "CANCELED", ""));
        job.awaitAttempt(1);
        job.awaitState("RUNNING");
    }

    @Test
    void aCheckpointThatTimesOutIsAbortedAndFailsTheJobWithoutTolerance() {
        List<TaskDeploymentDescriptor> tasks = startRunning(1, 1, config("execution.checkpointing.timeout", "50 ms"));
        long id = job.jobMaster.triggerCheckpoint().join();
        job.ack(tasks.get(0), id, state(tasks.get(0), chk(id)), 1, 0);
        awaitNotifications(id, 2);
        assertThat(notifications(id)).allSatisfy(n -> assertThat(n.getCompleted()).isFalse());
        assertThat(chk(id)).doesNotExist();
        job.awaitAttempt(1);
        assertThat(job.jobMaster.checkpointStats().join()).isEmpty();
    }

    @Test
    void aRestartDeploysTheStateOfTheLatestCheckpointAndOldOnesAreDeleted() {
        List<TaskDeploymentDescriptor> tasks = startRunning(2, 2, config());
        assertThat(tasks).allSatisfy(t -> assertThat(t.hasRestore()).isFalse());
        long one = completeCheckpoint(tasks);
        long two = completeCheckpoint(tasks);
        assertThat(chk(one)).doesNotExist();
        assertThat(chk(two).resolve("_metadata")).exists();

        job.tm.report(tasks.get(0).getExecutionAttemptId(), "FAILED", "boom");
        List<TaskDeploymentDescriptor> restarted = job.awaitAttempt(1);
        assertThat(restarted).allSatisfy(t -> {
            assertThat(t.getRestore().getCheckpointId()).isEqualTo(two);
            assertThat(t.getRestore().getBaseDirectory()).isEqualTo(chk(two).toString());
            assertThat(t.getRestore().getOperatorsCount()).isEqualTo(1);
        });
        TaskDeploymentDescriptor map1 = restarted.stream().filter(t -> t.getVertexId().equals("map") && t.getSubtaskIndex() == 1)
                .findFirst().orElseThrow();
        assertThat(map1.getRestore().getOperators(0).getManagedKeyedList()).extracting(h -> h.getKeyGroups().getPath())
                .containsExactly(chk(two).resolve("map-1").toString());
        TaskDeploymentDescriptor src0 = restarted.stream().filter(t -> t.getVertexId().equals("source") && t.getSubtaskIndex() == 0)
                .findFirst().orElseThrow();
        assertThat(elements(src0.getRestore().getOperators(0).getOperatorState(0))).containsExactly("o0");
        assertThat(elements(src0.getRestore().getOperators(0).getOperatorState(1))).containsExactly("u0", "u1");

        // checkpoint ids go on after the restart
        job.running(restarted);
        assertThat(job.jobMaster.triggerCheckpoint().join()).isEqualTo(3);
    }

    @Test
    void checkpointingOnAndNoRestartStrategyMeansExponentialDelay() {
        Map<String, String> config = config("restart-strategy.exponential-delay.initial-backoff", "10 ms");
        config.remove("restart-strategy.type");
        List<TaskDeploymentDescriptor> tasks = startRunning(1, 1, config);
        job.tm.report(tasks.get(0).getExecutionAttemptId(), "FAILED", "boom");
        job.awaitAttempt(1);
    }

    private Path savepointDirOf(long id) {
        return Path.of(job.tm.triggers().stream().filter(t -> t.getCheckpointId() == id).findFirst().orElseThrow()
                .getOptions().getTargetDirectory());
    }

    @Test
    void savepointsAreSelfContainedRelocatableAndRestoreRescaled() throws IOException {
        List<TaskDeploymentDescriptor> tasks = startRunning(2, 2, config());
        Path savepoints = root.resolve("savepoints");
        var future = job.jobMaster.triggerSavepoint(savepoints.toString(), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> job.tm.triggers().size() == 2);
        TriggerCheckpointRequest trigger = job.tm.triggers().get(0);
        assertThat(trigger.getOptions().getSavepoint()).isTrue();
        assertThat(trigger.getOptions().getSynchronousStop()).isFalse();
        assertThat(trigger.getOptions().getSharedDirectory()).isEmpty();
        Path dir = savepointDirOf(trigger.getCheckpointId());
        assertThat(dir.getParent()).isEqualTo(savepoints);
        assertThat(dir.getFileName().toString()).matches("savepoint-" + job.jobGraph.getJobId().substring(0, 6) + "-[0-9a-f]{12}");

        job.ackAll(tasks, trigger.getCheckpointId(), t -> state(t, dir));
        assertThat(future.join()).isEqualTo(dir.toString());
        assertThat(job.jobMaster.latestCompletedCheckpoint().join()).as("savepoints are not retained").isEmpty();
        assertThat(job.status().getState()).isEqualTo("RUNNING");
        awaitNotifications(trigger.getCheckpointId(), 4);
        CheckpointMetadataProto onDisk = CheckpointMetadataProto.parseFrom(Files.readAllBytes(dir.resolve("_metadata")));
        assertThat(onDisk.getSavepoint()).isTrue();
        assertThat(onDisk.getOperatorsList().stream().filter(o -> o.getOperatorUid().equals("map")).findFirst().orElseThrow()
                .getSubtasks(0).getManagedKeyed(0).getKeyGroups().getPath()).isEqualTo("map-0");

        // move it, then start a rescaled job from it
        Path moved = Files.move(dir, root.resolve("moved-savepoint"));
        Map<String, String> config = config();
        second = new CheckpointingJob(CheckpointingJob.job(1, 3, config).toBuilder().setSavepointPath(moved.toString()).build());
        List<TaskDeploymentDescriptor> restored = second.start();
        assertThat(restored).allSatisfy(t -> {
            assertThat(t.getRestore().getBaseDirectory()).isEqualTo(moved.toString());
            assertThat(t.getRestore().getCheckpointId()).isEqualTo(trigger.getCheckpointId());
        });
        TaskDeploymentDescriptor map1 = restored.stream().filter(t -> t.getVertexId().equals("map") && t.getSubtaskIndex() == 1)
                .findFirst().orElseThrow();
        assertThat(map1.getRestore().getOperators(0).getManagedKeyedList()).extracting(h -> h.getKeyGroups().getPath())
                .containsExactly("map-0", "map-1");
        TaskDeploymentDescriptor src = restored.stream().filter(t -> t.getVertexId().equals("source")).findFirst().orElseThrow();
        assertThat(elements(src.getRestore().getOperators(0).getOperatorState(0))).containsExactly("o0", "o1");
        // checkpoint ids continue after the savepoint's
        second.running(restored);
        assertThat(second.jobMaster.triggerCheckpoint().join()).isEqualTo(trigger.getCheckpointId() + 1);
    }

    @Test
    void stopWithSavepointFinishesTheJob() {
        List<TaskDeploymentDescriptor> tasks = startRunning(1, 2,
                config("execution.checkpointing.savepoint-dir", root.resolve("sp").toString()));
        var future = job.jobMaster.triggerSavepoint("", true);
        await().atMost(Duration.ofSeconds(10)).until(() -> job.tm.triggers().size() == 1);
        TriggerCheckpointRequest trigger = job.tm.triggers().get(0);
        assertThat(trigger.getOptions().getSynchronousStop()).isTrue();
        assertThat(savepointDirOf(trigger.getCheckpointId()).getParent()).isEqualTo(root.resolve("sp"));
        job.ackAll(tasks, trigger.getCheckpointId(), t -> state(t, savepointDirOf(trigger.getCheckpointId())));
        assertThat(future.join()).startsWith(root.resolve("sp").toString());
        assertThat(job.jobMaster.terminationFuture().join().getState()).isEqualTo("FINISHED");
        assertThat(job.tm.cancelled).containsExactlyInAnyOrderElementsOf(attemptIds(tasks, null));
    }

    @Test
    void aSavepointNeedsADirectory() {
        startRunning(1, 1, config());
        assertThatThrownBy(() -> job.jobMaster.triggerSavepoint("", false).join())
                .hasRootCauseMessage("No savepoint directory: pass one or set execution.checkpointing.savepoint-dir");
    }

    @Test
    void aFailedSavepointFailsItsFutureButNotTheJob() {
        List<TaskDeploymentDescriptor> tasks = startRunning(1, 1, config());
        var future = job.jobMaster.triggerSavepoint(root.resolve("sp").toString(), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> job.tm.triggers().size() == 1);
        job.decline(tasks.get(0), job.tm.triggers().get(0).getCheckpointId(), "nope");
        assertThatThrownBy(future::join).hasRootCauseInstanceOf(CheckpointException.class).hasMessageContaining("declined it: nope");
        assertThat(job.status().getState()).isEqualTo("RUNNING");
    }

    @Test
    void aBadRestorePathFailsTheJob() {
        job = new CheckpointingJob(CheckpointingJob.job(1, 1, config("execution.state-recovery.path", root.resolve("nope").toString())));
        job.jobMaster.start().join();
        var status = job.jobMaster.terminationFuture().join();
        assertThat(status.getState()).isEqualTo("FAILED");
        assertThat(status.getFailure()).startsWith("Could not restore job " + job.jobGraph.getJobId() + " from '" + root.resolve("nope"))
                .contains("no such file or directory");
        assertThat(job.tm.deployed).isEmpty();
    }

    @Test
    void unclaimedStateFailsTheJobUnlessAllowed() throws IOException {
        Path sp = root.resolve("old");
        MetadataIO.write(sp, metadata(5, operator("removed", 128, OperatorSubtaskStateProto.newBuilder().setOperatorUid("removed")
                .addOperatorState(part("x", Mode.UNION, "1")).build())), true);
        job = new CheckpointingJob(CheckpointingJob.job(1, 1, config()).toBuilder().setSavepointPath(sp.toString()).build());
        job.jobMaster.start().join();
        assertThat(job.jobMaster.terminationFuture().join().getFailure()).contains("operator uid 'removed'");

        second = new CheckpointingJob(CheckpointingJob.job(1, 1, config("execution.state-recovery.ignore-unclaimed-state", "true"))
                .toBuilder().setSavepointPath(sp.resolve("_metadata").toString()).build());
        List<TaskDeploymentDescriptor> tasks = second.start();
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.getRestore().getCheckpointId()).isEqualTo(5);
            assertThat(t.getRestore().getOperatorsList()).isEmpty();
        });
    }

    @Test
    void retainedCheckpointsAreDeletedWhenTheJobIsCancelledUnlessRetainedOnCancellation() {
        List<TaskDeploymentDescriptor> tasks = startRunning(1, 1, config());
        long id = completeCheckpoint(tasks);
        assertThat(chk(id)).isDirectory();
        job.jobMaster.cancel().join();
        assertThat(job.jobMaster.terminationFuture().join().getState()).isEqualTo("CANCELED");
        assertThat(chk(id)).doesNotExist();
        assertThat(chk(id).getParent()).as("the job's checkpoint directory").doesNotExist();
        job.close();

        tasks = startRunning(1, 1, config("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION"));
        long kept = completeCheckpoint(tasks);
        job.jobMaster.cancel().join();
        assertThat(job.jobMaster.terminationFuture().join().getState()).isEqualTo("CANCELED");
        assertThat(chk(kept).resolve("_metadata")).exists();
    }

    @Test
    void aTaskFinishingBeforeItsAcknowledgementAbortsThePendingCheckpointWithoutFailingTheJob() {
        List<TaskDeploymentDescriptor> tasks = startRunning(1, 1, config());
        long id = job.jobMaster.triggerCheckpoint().join();
        TaskDeploymentDescriptor source = tasks.stream().filter(t -> t.getVertexId().equals("source")).findFirst().orElseThrow();
        job.tm.report(source.getExecutionAttemptId(), "FINISHED", "");
        awaitNotifications(id, 2);
        assertThat(notifications(id)).allSatisfy(n -> assertThat(n.getCompleted()).isFalse());
        assertThat(job.status().getState()).isEqualTo("RUNNING");
        assertThatThrownBy(() -> job.jobMaster.triggerCheckpoint().join()).hasMessageContaining("no checkpoint triggered");
    }

    @Test
    void maxConcurrentAndMinPauseLimitTriggers() {
        List<TaskDeploymentDescriptor> tasks = startRunning(1, 1, config("execution.checkpointing.max-concurrent-checkpoints", "2",
                "execution.checkpointing.min-pause", "1 h"));
        long one = job.jobMaster.triggerCheckpoint().join();
        long two = job.jobMaster.triggerCheckpoint().join();
        assertThatThrownBy(() -> job.jobMaster.triggerCheckpoint().join()).as("two in progress").hasMessageContaining("no checkpoint triggered");
        job.ackAll(tasks, two, t -> state(t, chk(two)));
        // checkpoint 2 completed: it subsumes the older pending checkpoint 1
        awaitNotifications(one, 2);
        assertThat(notifications(one)).allSatisfy(n -> assertThat(n.getCompleted()).isFalse());
        assertThat(job.ack(tasks.get(0), one, state(tasks.get(0), chk(one)), 1, 0).getOk()).isFalse();
        assertThatThrownBy(() -> job.jobMaster.triggerCheckpoint().join()).as("within min-pause").hasMessageContaining("no checkpoint triggered");
        assertThat(job.status().getState()).isEqualTo("RUNNING");
    }

    @Test
    void theClusterConfigurationGivesCheckpointDefaultsTheJobCanOverride() {
        Map<String, String> jobConfig = config();
        jobConfig.remove("execution.checkpointing.dir");
        Path clusterCheckpoints = root.resolve("cluster-chk");
        job = new CheckpointingJob(CheckpointingJob.job(1, 1, jobConfig), Map.of("execution.checkpointing.dir", clusterCheckpoints.toString(),
                "execution.checkpointing.savepoint-dir", root.resolve("cluster-sp").toString(),
                "execution.checkpointing.num-retained", "5"));
        List<TaskDeploymentDescriptor> tasks = job.start();
        job.running(tasks);
        long id = job.jobMaster.triggerCheckpoint().join();
        assertThat(job.tm.triggers().get(0).getOptions().getTargetDirectory())
                .isEqualTo(clusterCheckpoints.resolve(job.jobGraph.getJobId()).resolve("chk-" + id).toString());
        job.ackAll(tasks, id, t -> state(t, clusterCheckpoints));
        var savepoint = job.jobMaster.triggerSavepoint("", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> job.tm.triggers().size() == 2);
        job.ackAll(tasks, id + 1, t -> state(t, root));
        assertThat(Path.of(savepoint.join()).getParent()).isEqualTo(root.resolve("cluster-sp"));

        // a job's own setting wins
        second = new CheckpointingJob(CheckpointingJob.job(1, 1, config()), Map.of("execution.checkpointing.dir", clusterCheckpoints.toString()));
        List<TaskDeploymentDescriptor> secondTasks = second.start();
        second.running(secondTasks);
        second.jobMaster.triggerCheckpoint().join();
        assertThat(second.tm.triggers().get(0).getOptions().getTargetDirectory()).startsWith(root.resolve("chk").toString());
    }

    @Test
    void stopWithSavepointCancelsTheTasksOnlyAfterTheyTookTheNotification() throws Exception {
        List<TaskDeploymentDescriptor> tasks = startRunning(1, 1, config());
        var notifyReply = new java.util.concurrent.CompletableFuture<dev.eddy.proto.Ack>();
        job.tm.notifyReply = notifyReply;
        var future = job.jobMaster.triggerSavepoint(root.resolve("sp").toString(), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> job.tm.triggers().size() == 1);
        long id = job.tm.triggers().get(0).getCheckpointId();
        job.ackAll(tasks, id, t -> state(t, root));
        awaitNotifications(id, 2);
        Thread.sleep(100);
        assertThat(future).isNotDone();
        assertThat(job.tm.cancelled).isEmpty();
        assertThat(job.status().getState()).isEqualTo("RUNNING");

        notifyReply.complete(dev.eddy.proto.Ack.newBuilder().setOk(true).build());
        assertThat(future.join()).startsWith(root.resolve("sp").toString());
        assertThat(job.jobMaster.terminationFuture().join().getState()).isEqualTo("FINISHED");
        assertThat(job.tm.cancelled).hasSize(2);
    }
}

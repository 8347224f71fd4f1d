package dev.eddy.runtime.taskmanager;

import static dev.eddy.runtime.taskmanager.testutil.TaskTestUtil.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eddy.proto.SlotStatus;
import dev.eddy.proto.SubmitTaskResponse;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.graph.TaskChainConfig;
import dev.eddy.runtime.taskmanager.blob.BlobCache;
import dev.eddy.runtime.taskmanager.classloading.JobClassLoaders;
import dev.eddy.runtime.taskmanager.task.ExecutionState;
import dev.eddy.runtime.taskmanager.task.Task;
import dev.eddy.runtime.taskmanager.task.TaskServices;
import dev.eddy.runtime.taskmanager.task.io.NetworkIOFactory;
import dev.eddy.runtime.taskmanager.testutil.FakeBlobGateway;
import dev.eddy.runtime.taskmanager.testutil.FakeJobMasterGateway;
import dev.eddy.runtime.taskmanager.testutil.FakeResourceManagerGateway;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.runtime.taskmanager.testutil.TaskTestUtil;
import dev.eddy.runtime.taskmanager.testutil.TestOperators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskExecutorTest {
    @TempDir
    Path tmp;

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final FakeResourceManagerGateway rm = new FakeResourceManagerGateway();
    private final FakeJobMasterGateway jm = new FakeJobMasterGateway();
    private final String id = UUID.randomUUID().toString();
    private TaskExecutor executor;

    @AfterEach
    void tearDown() {
        if (executor != null) {
            executor.close(Duration.ofSeconds(5));
        }
        timers.shutdownNow();
    }

    private TaskExecutor start(int slots) {
        TaskExecutorSettings settings = new TaskExecutorSettings("tm-test-1-abcd", "127.0.0.1:1", "127.0.0.1:2", slots,
                Duration.ofMillis(30), Duration.ofMillis(400), Duration.ofMillis(10), Duration.ofMillis(40));
        executor = new TaskExecutor(settings, rm, new TaskServices(jm, new TaskTestUtil.NoShuffleEnvironment(), timers, NetworkIOFactory.NETWORK),
                new JobClassLoaders(new BlobCache(new FakeBlobGateway(), tmp.resolve("blobs")), getClass().getClassLoader()));
        executor.start();
        return executor;
    }

    private TaskDeploymentDescriptor endlessTask(String allocationId) throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new TestOperators.EndlessSource(id), new LongSerializer(), List.of(1)),
                op(2, "Sink", new TestOperators.CollectSink<Long>(id, "sink"), null, List.of())), List.of());
        return TaskTestUtil.tdd("Endless", chain).setAllocationId(allocationId).build();
    }

    private TaskDeploymentDescriptor finiteTask(String allocationId) throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new TestOperators.NumberSource(id, 3), new LongSerializer(), List.of(1)),
                op(2, "Sink", new TestOperators.CollectSink<Long>(id, "sink"), null, List.of())), List.of());
        return TaskTestUtil.tdd("Finite", chain).setAllocationId(allocationId).build();
    }

    private Task task(String attemptId) throws Exception {
        return executor.getTasks().get(5, TimeUnit.SECONDS).stream().filter(t -> t.getExecutionAttemptId().equals(attemptId)).findFirst()
                .orElseThrow();
    }

    @Test
    void registersWithRetriesThenHeartbeatsWithSlotReport() throws Exception {
        rm.rejectNextRegistrations.set(2);
        start(2);
        await().atMost(5, TimeUnit.SECONDS).until(() -> rm.heartbeats.size() >= 3);
        assertThat(rm.registrations).hasSize(3);
        assertThat(rm.registrations.get(0).getTaskManagerId()).isEqualTo("tm-test-1-abcd");
        assertThat(rm.registrations.get(0).getNumberOfSlots()).isEqualTo(2);
        assertThat(rm.registrations.get(0).getRpcAddress()).isEqualTo("127.0.0.1:1");
        assertThat(rm.registrations.get(0).getDataAddress()).isEqualTo("127.0.0.1:2");
        List<SlotStatus> slots = rm.heartbeats.get(0).getSlotsList();
        assertThat(slots).extracting(SlotStatus::getSlotIndex).containsExactly(0, 1);
        assertThat(slots).allMatch(s -> s.getAllocationId().isEmpty());
    }

    @Test
    void slotsAreHeldByOneAllocationAndSharedByItsTasks() throws Exception {
        start(1);
        TaskDeploymentDescriptor a = endlessTask("alloc-a");
        assertThat(executor.submitTask(a).get(5, TimeUnit.SECONDS).getAccepted()).isTrue();
        TaskDeploymentDescriptor shared = endlessTask("alloc-a");
        assertThat(executor.submitTask(shared).get(5, TimeUnit.SECONDS).getAccepted()).isTrue();
        SubmitTaskResponse other = executor.submitTask(endlessTask("alloc-b")).get(5, TimeUnit.SECONDS);
        assertThat(other.getAccepted()).isFalse();
        assertThat(other.getReason()).contains("No free slot for allocation alloc-b").contains("alloc-a");
        SubmitTaskResponse again = executor.submitTask(a).get(5, TimeUnit.SECONDS);
        assertThat(again.getAccepted()).isFalse();
        assertThat(again.getReason()).contains("already deployed");

        assertThat(executor.getSlotReport().get()).singleElement().satisfies(s -> {
            assertThat(s.getAllocationId()).isEqualTo("alloc-a");
            assertThat(s.getJobId()).isEqualTo(TaskTestUtil.JOB_ID);
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> rm.heartbeats.stream()
                .anyMatch(h -> h.getSlots(0).getAllocationId().equals("alloc-a")));

        Task first = task(a.getExecutionAttemptId());
        assertThat(executor.cancelTask(a.getExecutionAttemptId()).get(5, TimeUnit.SECONDS).getOk()).isTrue();
        assertThat(first.getTerminationFuture().get(5, TimeUnit.SECONDS)).isEqualTo(ExecutionState.CANCELED);
        assertThat(executor.getNumberOfFreeSlots().get()).isZero();

        Task second = task(shared.getExecutionAttemptId());
        assertThat(executor.freeSlot("alloc-a", TaskTestUtil.JOB_ID).get(5, TimeUnit.SECONDS).getOk()).isTrue();
        assertThat(second.getTerminationFuture().get(5, TimeUnit.SECONDS)).isEqualTo(ExecutionState.CANCELED);
        assertThat(executor.getNumberOfFreeSlots().get()).isEqualTo(1);
        assertThat(executor.submitTask(endlessTask("alloc-b")).get(5, TimeUnit.SECONDS).getAccepted()).isTrue();
        assertThat(executor.cancelTask("no-such-attempt").get(5, TimeUnit.SECONDS).getOk()).isFalse();
    }

    @Test
    void finishedTasksLeaveTheTaskTableButKeepTheSlot() throws Exception {
        start(1);
        TaskDeploymentDescriptor d = finiteTask("alloc-a");
        assertThat(executor.submitTask(d).get(5, TimeUnit.SECONDS).getAccepted()).isTrue();
        await().atMost(5, TimeUnit.SECONDS).until(() -> executor.getTasks().get().isEmpty());
        assertThat(jm.statesOf(d.getExecutionAttemptId())).containsExactly("DEPLOYING", "INITIALIZING", "RUNNING", "FINISHED");
        assertThat(executor.getNumberOfFreeSlots().get()).isZero();
        assertThat(executor.freeSlot("alloc-a", TaskTestUtil.JOB_ID).get().getOk()).isTrue();
        assertThat(executor.getNumberOfFreeSlots().get()).isEqualTo(1);
    }

    @Test
    void forgottenTaskManagerCancelsItsTasksAndRegistersAgain() throws Exception {
        start(1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> rm.heartbeats.size() >= 1);
        TaskDeploymentDescriptor d = endlessTask("alloc-a");
        executor.submitTask(d).get(5, TimeUnit.SECONDS);
        Task t = task(d.getExecutionAttemptId());
        rm.known = false;
        assertThat(t.getTerminationFuture().get(5, TimeUnit.SECONDS)).isEqualTo(ExecutionState.CANCELED);
        await().atMost(5, TimeUnit.SECONDS).until(() -> rm.registrations.size() >= 2);
        assertThat(executor.getNumberOfFreeSlots().get()).isEqualTo(1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> executor.isRegistered().get());
    }

    @Test
    void unreachableJobManagerCancelsTasksAfterTheTimeoutAndRegistrationKeepsTrying() throws Exception {
        start(1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> rm.heartbeats.size() >= 1);
        TaskDeploymentDescriptor d = endlessTask("alloc-a");
        executor.submitTask(d).get(5, TimeUnit.SECONDS);
        Task t = task(d.getExecutionAttemptId());
        long silentSince = System.nanoTime();
        rm.unreachable = true;
        assertThat(t.getTerminationFuture().get(5, TimeUnit.SECONDS)).isEqualTo(ExecutionState.CANCELED);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silentSince)).isGreaterThanOrEqualTo(300);
        int before = rm.registrations.size();
        await().atMost(5, TimeUnit.SECONDS).until(() -> rm.registrations.size() >= before + 3);
        rm.unreachable = false;
        await().atMost(5, TimeUnit.SECONDS).until(() -> executor.isRegistered().get());
    }

    @Test
    void jarIsFetchedOnceAndClassLoaderReleasedAfterTheLastTask() throws Exception {
        FakeBlobGateway blobs = new FakeBlobGateway();
        Path jar = dev.eddy.runtime.taskmanager.testutil.JarBuilder.jar(java.util.Map.of("demo.Empty", "package demo; public class Empty {}"),
                tmp.resolve("job.jar"));
        String sha = dev.eddy.runtime.taskmanager.testutil.JarBuilder.sha256(jar);
        blobs.jars.put(sha, jar);
        TaskExecutorSettings settings = new TaskExecutorSettings("tm-test-2-abcd", "127.0.0.1:1", "127.0.0.1:2", 2,
                Duration.ofMillis(30), Duration.ofMillis(400), Duration.ofMillis(10), Duration.ofMillis(40));
        JobClassLoaders loaders = new JobClassLoaders(new BlobCache(blobs, tmp.resolve("blobs")), getClass().getClassLoader());
        executor = new TaskExecutor(settings, rm, new TaskServices(jm, new TaskTestUtil.NoShuffleEnvironment(), timers, NetworkIOFactory.NETWORK),
                loaders);
        executor.start();
        TaskDeploymentDescriptor a = finiteTask("alloc-a").toBuilder().setJarSha256(sha).build();
        TaskDeploymentDescriptor b = finiteTask("alloc-b").toBuilder().setJarSha256(sha).build();
        executor.submitTask(a).get(5, TimeUnit.SECONDS);
        executor.submitTask(b).get(5, TimeUnit.SECONDS);
        await().atMost(5, TimeUnit.SECONDS).until(() -> executor.getTasks().get().isEmpty());
        assertThat(jm.last(a.getExecutionAttemptId()).getState()).isEqualTo("FINISHED");
        assertThat(jm.last(b.getExecutionAttemptId()).getState()).isEqualTo("FINISHED");
        assertThat(blobs.fetches.get()).isEqualTo(1);
        assertThat(executor.getNumberOfFreeSlots().get()).isZero();
        // the loader is released on the executor thread; query there too
        assertThat(executor.getTasks().thenApply(x -> loaders.isHeld(TaskTestUtil.JOB_ID)).get()).isFalse();
    }
}

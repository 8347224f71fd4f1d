package dev.eddy.runtime.taskmanager.task;

import static dev.eddy.runtime.taskmanager.testutil.TaskTestUtil.op;
import static dev.eddy.runtime.taskmanager.testutil.TaskTestUtil.tdd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.proto.TaskExecutionStateProto;
import dev.eddy.runtime.graph.OperatorConfig;
import dev.eddy.runtime.graph.TaskChainConfig;
import dev.eddy.runtime.taskmanager.task.io.NetworkIOFactory;
import dev.eddy.runtime.taskmanager.testutil.FakeJobMasterGateway;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.runtime.taskmanager.testutil.TaskTestUtil;
import dev.eddy.runtime.taskmanager.testutil.TestOperators;
import dev.eddy.runtime.taskmanager.testutil.TestOperators.CollectSink;
import dev.eddy.runtime.taskmanager.testutil.TestOperators.EndlessSource;
import dev.eddy.runtime.taskmanager.testutil.TestOperators.MultiplyOperator;
import dev.eddy.runtime.taskmanager.testutil.TestOperators.NumberSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskTest {
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final FakeJobMasterGateway jobMaster = new FakeJobMasterGateway();
    private final String id = UUID.randomUUID().toString();

    @AfterEach
    void shutdown() {
        timers.shutdownNow();
    }

    private Task task(TaskDeploymentDescriptor tdd, AtomicReference<Task> terminated) {
        TaskServices services = new TaskServices(jobMaster, new TaskTestUtil.NoShuffleEnvironment(), timers, NetworkIOFactory.NETWORK);
        return new Task(tdd, CompletableFuture.completedFuture(getClass().getClassLoader()), services,
                t -> terminated.set(t));
    }

    private ExecutionState run(TaskChainConfig chain) throws Exception {
        TaskDeploymentDescriptor d = tdd("Source -> Map -> Sink", chain).build();
        AtomicReference<Task> terminated = new AtomicReference<>();
        Task task = task(d, terminated);
        task.start();
        ExecutionState end = task.getTerminationFuture().get(10, TimeUnit.SECONDS);
        assertThat(terminated.get()).isSameAs(task);
        return end;
    }

    @Test
    void sourceMapSinkChainRunsToFinished() throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new NumberSource(id, 5), new LongSerializer(), List.of(1)),
                op(2, "Map", new MultiplyOperator(id, "map", 10, -1), new LongSerializer(), List.of(2)),
                op(3, "Sink", new CollectSink<Long>(id, "sink"), null, List.of())), List.of());
        TaskDeploymentDescriptor d = tdd("Source -> Map -> Sink", chain).build();
        AtomicReference<Task> terminated = new AtomicReference<>();
        Task task = task(d, terminated);
        assertThat(task.getTaskNameWithSubtasks()).isEqualTo("Source -> Map -> Sink (1/1)#0");
        task.start();

        assertThat(task.getTerminationFuture().get(10, TimeUnit.SECONDS)).isEqualTo(ExecutionState.FINISHED);
        assertThat(TestOperators.results(id)).containsExactly(10L, 20L, 30L, 40L, 50L, "wm:" + Long.MAX_VALUE);
        assertThat(jobMaster.statesOf(d.getExecutionAttemptId())).containsExactly("DEPLOYING", "INITIALIZING", "RUNNING", "FINISHED");
        assertThat(TestOperators.events(id)).containsExactly(
                "setup:source", "setup:map", "setup:sink",
                "open:sink", "open:map", "open:source",
                "finish:source", "finish:map", "finish:sink",
                "close:source", "close:map", "close:sink");
    }

    @Test
    void chainedRecordsAreCopiedWithoutObjectReuse() throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new NumberSource(id, 3), new LongSerializer(), List.of(1, 2)),
                op(2, "SinkA", new CollectSink<Long>(id, "a"), null, List.of()),
                op(3, "SinkB", new CollectSink<Long>(id, "b"), null, List.of())), List.of());
        int before = LongSerializer.COPIES.get();
        assertThat(run(chain)).isEqualTo(ExecutionState.FINISHED);
        // one copy per record per chained branch
        assertThat(LongSerializer.COPIES.get() - before).isEqualTo(6);
        assertThat(TestOperators.results(id)).filteredOn(o -> o instanceof Long).hasSize(6);
    }

    @Test
    void failingOperatorFailsTaskWithClassMessageAndStackTrace() throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new NumberSource(id, 5), new LongSerializer(), List.of(1)),
                op(2, "Map", new MultiplyOperator(id, "map", 10, 3), new LongSerializer(), List.of(2)),
                op(3, "Sink", new CollectSink<Long>(id, "sink"), null, List.of())), List.of());
        TaskDeploymentDescriptor d = tdd("Source -> Map -> Sink", chain).build();
        Task task = task(d, new AtomicReference<>());
        task.start();
        assertThat(task.getTerminationFuture().get(10, TimeUnit.SECONDS)).isEqualTo(ExecutionState.FAILED);
        TaskExecutionStateProto last = jobMaster.last(d.getExecutionAttemptId());
        assertThat(last.getState()).isEqualTo("FAILED");
        assertThat(last.getFailure()).startsWith("java.lang.IllegalArgumentException: Cannot multiply record 3")
                .contains("at " + MultiplyOperator.class.getName() + ".processElement");
        assertThat(TestOperators.results(id)).containsExactly(10L, 20L);
        assertThat(TestOperators.events(id)).contains("close:source", "close:map", "close:sink").doesNotContain("finish:map");
    }

    @Test
    void cancelStopsEndlessSourcePromptlyAndClosesOperators() throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new EndlessSource(id), new LongSerializer(), List.of(1)),
                op(2, "Sink", new CollectSink<Long>(id, "sink"), null, List.of())), List.of());
        TaskDeploymentDescriptor d = tdd("Endless", chain).build();
        Task task = task(d, new AtomicReference<>());
        task.start();
        org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> TestOperators.results(id).size() > 100);
        long t0 = System.nanoTime();
        task.cancel();
        assertThat(task.getTerminationFuture().get(2, TimeUnit.SECONDS)).isEqualTo(ExecutionState.CANCELED);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1000);
        assertThat(TestOperators.events(id)).contains("close:endless", "close:sink").doesNotContain("finish:endless");
        assertThat(jobMaster.statesOf(d.getExecutionAttemptId())).containsExactly("DEPLOYING", "INITIALIZING", "RUNNING", "CANCELED");
    }

    @Test
    void cancelBeforeStartEndsCanceledWithoutRunning() throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(op(1, "Source", new EndlessSource(id), new LongSerializer(), List.of())), List.of());
        TaskDeploymentDescriptor d = tdd("Endless", chain).build();
        AtomicReference<Task> terminated = new AtomicReference<>();
        Task task = task(d, terminated);
        task.cancel();
        task.start();
        assertThat(task.getTerminationFuture().get(2, TimeUnit.SECONDS)).isEqualTo(ExecutionState.CANCELED);
        assertThat(terminated.get()).isSameAs(task);
        assertThat(TestOperators.events(id)).isEmpty();
        assertThat(jobMaster.statesOf(d.getExecutionAttemptId())).containsExactly("CANCELED");
    }

    @Test
    void cancelWhileWaitingForClassLoaderEndsCanceled() throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(op(1, "Source", new EndlessSource(id), new LongSerializer(), List.of())), List.of());
        TaskDeploymentDescriptor d = tdd("Endless", chain).build();
        TaskServices services = new TaskServices(jobMaster, new TaskTestUtil.NoShuffleEnvironment(), timers, NetworkIOFactory.NETWORK);
        Task task = new Task(d, new CompletableFuture<>(), services, t -> {});
        task.start();
        org.awaitility.Awaitility.await().until(() -> task.getExecutionState() == ExecutionState.DEPLOYING);
        task.cancel();
        assertThat(task.getTerminationFuture().get(2, TimeUnit.SECONDS)).isEqualTo(ExecutionState.CANCELED);
    }

    @Test
    void timersRunOnTheTaskThread() throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new EndlessSource(id), new LongSerializer(), List.of(1)),
                op(2, "Timer", new TestOperators.TimerOperator(id), new LongSerializer(), List.of(2)),
                op(3, "Sink", new CollectSink<Long>(id, "sink"), null, List.of())), List.of());
        TaskDeploymentDescriptor d = tdd("Timers", chain).build();
        Task task = task(d, new AtomicReference<>());
        task.start();
        org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> TestOperators.results(id).contains(-1L));
        task.cancel();
        task.getTerminationFuture().get(2, TimeUnit.SECONDS);
        assertThat(TestOperators.events(id)).contains("timer-thread:Timers (1/1)#0");
    }

    @Test
    void keyedOperatorSeesItsKeyAndState() throws Exception {
        KeySelector<Long, Long> byMod3 = v -> v % 3;
        OperatorConfig counter = TaskTestUtil.keyedOp(2, "Count", new TestOperators.KeyedCounter(id), byMod3, null, List.of(2));
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new NumberSource(id, 7), new LongSerializer(), List.of(1)),
                counter,
                op(3, "Sink", new CollectSink<String>(id, "sink"), null, List.of())), List.of());
        assertThat(run(chain)).isEqualTo(ExecutionState.FINISHED);
        assertThat(TestOperators.results(id)).containsExactly("1=1", "2=1", "0=1", "1=2", "2=2", "0=2", "1=3", "wm:" + Long.MAX_VALUE);
    }

    @Test
    void keyedChainUsesRocksDBWhenConfiguredAndDeletesItsDirectory(@TempDir Path tmp) throws Exception {
        KeySelector<Long, Long> byMod3 = v -> v % 3;
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new NumberSource(id, 7), new LongSerializer(), List.of(1)),
                TaskTestUtil.keyedOp(2, "Count", new TestOperators.KeyedCounter(id), byMod3, null, List.of(2)),
                op(3, "Sink", new CollectSink<String>(id, "sink"), null, List.of())), List.of());
        TaskDeploymentDescriptor d = tdd("Keyed", chain)
                .putAllJobConfiguration(Map.of("state.backend.type", "RocksDB", "io.tmp.dirs", tmp.toString())).build();
        Task task = task(d, new AtomicReference<>());
        task.start();
        assertThat(task.getTerminationFuture().get(10, TimeUnit.SECONDS)).isEqualTo(ExecutionState.FINISHED);
        assertThat(TestOperators.results(id)).containsExactly("1=1", "2=1", "0=1", "1=2", "2=2", "0=2", "1=3", "wm:" + Long.MAX_VALUE);
        assertThat(TestOperators.events(id)).contains("backend:RocksDBKeyedStateBackend");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void unknownStateBackendFailsTheTaskNamingTheKey() throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new NumberSource(id, 1), new LongSerializer(), List.of(1)),
                TaskTestUtil.keyedOp(2, "Count", new TestOperators.KeyedCounter(id), (KeySelector<Long, Long>) v -> v, null, List.of())),
                List.of());
        TaskDeploymentDescriptor d = tdd("Keyed", chain).putJobConfiguration("state.backend.type", "memory").build();
        Task task = task(d, new AtomicReference<>());
        task.start();
        assertThat(task.getTerminationFuture().get(10, TimeUnit.SECONDS)).isEqualTo(ExecutionState.FAILED);
        assertThat(jobMaster.last(d.getExecutionAttemptId()).getFailure()).contains("state.backend.type").contains("'memory'");
    }

    @Test
    void keyedStateOutsideKeyedContextFailsWithKeyByHint() throws Exception {
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new NumberSource(id, 1), new LongSerializer(), List.of(1)),
                op(2, "Unkeyed", new TestOperators.UnkeyedStateUser(id), null, List.of())), List.of());
        TaskDeploymentDescriptor d = tdd("Unkeyed", chain).build();
        Task task = task(d, new AtomicReference<>());
        task.start();
        assertThat(task.getTerminationFuture().get(10, TimeUnit.SECONDS)).isEqualTo(ExecutionState.FAILED);
        assertThat(jobMaster.last(d.getExecutionAttemptId()).getFailure())
                .contains("Keyed state can only be used on a 'keyed stream', i.e., after a 'keyBy()' operation.");
    }
}

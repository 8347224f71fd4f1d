package dev.eddy.runtime.taskmanager.task;

import static dev.eddy.runtime.taskmanager.testutil.TaskTestUtil.op;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.connector.source.lib.NumberSequenceSource;
import dev.eddy.proto.Ack;
import dev.eddy.proto.OperatorEventToCoordinatorRequest;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.coordination.OperatorEventCodec;
import dev.eddy.runtime.graph.TaskChainConfig;
import dev.eddy.runtime.operators.coordination.OperatorEvent;
import dev.eddy.runtime.source.event.AddSplitEvent;
import dev.eddy.runtime.source.event.NoMoreSplitsEvent;
import dev.eddy.runtime.source.event.ReaderRegistrationEvent;
import dev.eddy.runtime.source.event.RequestSplitEvent;
import dev.eddy.runtime.taskmanager.task.io.NetworkIOFactory;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.runtime.taskmanager.testutil.TaskTestUtil;
import dev.eddy.runtime.taskmanager.testutil.TestOperators;
import dev.eddy.streaming.api.operators.source.SourceReaderOperator;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Source-API source task against a JobMaster stand-in that plays the split enumerator: the
 * task's events reach it in order, its answers reach the reader as mail, and the task ends.
 */
@Timeout(30)
class OperatorEventTaskTest {
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final String id = UUID.randomUUID().toString();

    @AfterEach
    void shutdown() {
        timers.shutdownNow();
    }

    /** Acknowledges state reports and checkpoints; operator events are up to the subclass. */
    private abstract static class CoordinatingJobMaster implements dev.eddy.runtime.gateway.JobMasterGateway {
        private static final Ack OK = Ack.newBuilder().setOk(true).build();

        @Override
        public CompletableFuture<Ack> updateTaskExecutionState(dev.eddy.proto.TaskExecutionStateProto state) {
            return CompletableFuture.completedFuture(OK);
        }

        @Override
        public CompletableFuture<Ack> acknowledgeCheckpoint(dev.eddy.proto.AcknowledgeCheckpointRequest request) {
            return CompletableFuture.completedFuture(OK);
        }

        @Override
        public CompletableFuture<Ack> declineCheckpoint(dev.eddy.proto.DeclineCheckpointRequest request) {
            return CompletableFuture.completedFuture(OK);
        }

        @Override
        public abstract CompletableFuture<Ack> sendOperatorEventToCoordinator(OperatorEventToCoordinatorRequest request);
    }

    /** Hands out the number-sequence splits one per request via {@link Task#deliverOperatorEvent}. */
    private static final class EnumeratingJobMaster extends CoordinatingJobMaster {
        final List<OperatorEvent> received = new CopyOnWriteArrayList<>();
        final AtomicReference<Task> task = new AtomicReference<>();
        final ArrayDeque<NumberSequenceSource.NumberSequenceSplit> pending = new ArrayDeque<>();
        final NumberSequenceSource source;

        EnumeratingJobMaster(NumberSequenceSource source) {
            this.source = source;
            pending.add(new NumberSequenceSource.NumberSequenceSplit("0", 1, 3));
            pending.add(new NumberSequenceSource.NumberSequenceSplit("1", 4, 5));
        }

        @Override
        public synchronized CompletableFuture<Ack> sendOperatorEventToCoordinator(OperatorEventToCoordinatorRequest request) {
            try {
                OperatorEvent event = OperatorEventCodec.fromProto(request.getEvent(), getClass().getClassLoader());
                received.add(event);
                if (event instanceof RequestSplitEvent) {
                    var next = pending.poll();
                    OperatorEvent answer = next == null ? new NoMoreSplitsEvent()
                            : AddSplitEvent.of(List.of(next), source.getSplitSerializer());
                    String refused = task.get().deliverOperatorEvent(request.getOperatorUid(), OperatorEventCodec.toProto(answer));
                    assertThat(refused).isNull();
                }
                return CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).build());
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    @Test
    void eventsGoOutInOrderAndAnswersReachTheReaderAsMail() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(1, 5);
        EnumeratingJobMaster jobMaster = new EnumeratingJobMaster(source);
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new SourceReaderOperator<>(source, WatermarkStrategy.noWatermarks()), new LongSerializer(), List.of(1)),
                op(2, "Sink", new TestOperators.CollectSink<Long>(id, "sink"), null, List.of())), List.of());
        TaskDeploymentDescriptor d = TaskTestUtil.tdd("Source -> Sink", chain).build();
        TaskServices services = new TaskServices(jobMaster, new TaskTestUtil.NoShuffleEnvironment(), timers, NetworkIOFactory.NETWORK);
        Task task = new Task(d, CompletableFuture.completedFuture(getClass().getClassLoader()), services, t -> {});
        jobMaster.task.set(task);
        task.start();

        assertThat(task.getTerminationFuture().get(20, TimeUnit.SECONDS)).isEqualTo(ExecutionState.FINISHED);
        assertThat(TestOperators.results(id)).containsExactly(1L, 2L, 3L, 4L, 5L, "wm:" + Long.MAX_VALUE);
        assertThat(jobMaster.received.get(0)).isInstanceOf(ReaderRegistrationEvent.class);
        assertThat(jobMaster.received.subList(1, jobMaster.received.size())).hasSize(3)
                .allMatch(e -> e instanceof RequestSplitEvent);
        assertThat(task.deliverOperatorEvent("uid-1", OperatorEventCodec.toProto(new NoMoreSplitsEvent())))
                .as("a task that ended drops events").contains("has ended");
    }

    @Test
    void anEventTheJobMasterRefusesFailsTheTask() throws Exception {
        CoordinatingJobMaster refusing = new CoordinatingJobMaster() {
            @Override
            public CompletableFuture<Ack> sendOperatorEventToCoordinator(OperatorEventToCoordinatorRequest request) {
                return CompletableFuture.completedFuture(Ack.newBuilder().setOk(false).setMessage("no coordinator here").build());
            }
        };
        TaskChainConfig chain = new TaskChainConfig(List.of(
                op(1, "Source", new SourceReaderOperator<>(new NumberSequenceSource(1, 5), WatermarkStrategy.noWatermarks()),
                        new LongSerializer(), List.of())), List.of());
        TaskDeploymentDescriptor d = TaskTestUtil.tdd("Source", chain).build();
        TaskServices services = new TaskServices(refusing, new TaskTestUtil.NoShuffleEnvironment(), timers, NetworkIOFactory.NETWORK);
        Task task = new Task(d, CompletableFuture.completedFuture(getClass().getClassLoader()), services, t -> {});
        task.start();

        assertThat(task.getTerminationFuture().get(20, TimeUnit.SECONDS)).isEqualTo(ExecutionState.FAILED);
        assertThat(task.getFailureCause()).hasMessageContaining("ReaderRegistrationEvent").hasMessageContaining("no coordinator here");
    }
}

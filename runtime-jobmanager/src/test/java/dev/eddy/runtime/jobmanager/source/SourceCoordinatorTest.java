package dev.eddy.runtime.jobmanager.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eddy.proto.OperatorCoordinatorStateProto;
import dev.eddy.runtime.jobmanager.source.TestIntSource.Echo;
import dev.eddy.runtime.jobmanager.source.TestIntSource.IntSplit;
import dev.eddy.runtime.operators.coordination.OperatorEvent;
import dev.eddy.runtime.source.event.AddSplitEvent;
import dev.eddy.runtime.source.event.NoMoreSplitsEvent;
import dev.eddy.runtime.source.event.ReaderRegistrationEvent;
import dev.eddy.runtime.source.event.RequestSplitEvent;
import dev.eddy.runtime.source.event.SourceEventWrapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SourceCoordinatorTest {
    private final FakeSender sender = new FakeSender();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private SourceCoordinator<IntSplit, List<Integer>> coordinator;

    /** Records every event sent to a task; answers with {@link #reply} (delivered by default). */
    static final class FakeSender implements OperatorEventSender {
        record Sent(String rpcAddress, String attemptId, OperatorEvent event) {}

        final List<Sent> sent = new CopyOnWriteArrayList<>();
        volatile CompletableFuture<Boolean> reply;

        @Override
        public CompletableFuture<Boolean> send(String rpcAddress, String executionAttemptId, OperatorEvent event) {
            sent.add(new Sent(rpcAddress, executionAttemptId, event));
            CompletableFuture<Boolean> r = reply;
            return r != null ? r : CompletableFuture.completedFuture(true);
        }

        List<OperatorEvent> eventsTo(String attemptId) {
            return sent.stream().filter(s -> s.attemptId().equals(attemptId)).map(Sent::event).toList();
        }
    }

    private TestIntSource start(List<Integer> splits, OperatorCoordinatorStateProto state) throws Exception {
        TestIntSource source = new TestIntSource(splits);
        coordinator = new SourceCoordinator<>("uid-1", "Source coordinator of 'test'", source, 2,
                getClass().getClassLoader(), sender, failures::add);
        coordinator.start(state).get(10, TimeUnit.SECONDS);
        return source;
    }

    @AfterEach
    void close() {
        if (coordinator != null) {
            coordinator.close();
        }
    }

    private void register(int subtask, String attempt) {
        coordinator.handleEventFromOperator(subtask, attempt, "tm-" + subtask + ":1", new ReaderRegistrationEvent(subtask, "host-" + subtask));
    }

    private static List<Integer> splitsIn(List<OperatorEvent> events) throws Exception {
        List<Integer> values = new java.util.ArrayList<>();
        for (OperatorEvent e : events) {
            if (e instanceof AddSplitEvent add) {
                assertThat(add.serializerVersion()).isEqualTo(3);
                for (IntSplit s : add.splits(new TestIntSource(List.of()).getSplitSerializer())) {
                    values.add(s.value());
                }
            }
        }
        return values;
    }

    /** Waits until everything queued on the coordinator thread so far has run. */
    private void sync() throws Exception {
        coordinator.checkpoint(-1).handle((s, e) -> null).get(10, TimeUnit.SECONDS);
        coordinator.checkpointAborted(-1);
    }

    @Test
    void theEnumeratorStartsOnTheCoordinatorThreadAndReadersRegister() throws Exception {
        TestIntSource source = start(List.of(1, 2), null);
        register(0, "a0");
        register(1, "a1");
        sync();
        assertThat(source.log).containsSubsequence("create", "start true", "reader 0 [0]", "reader 1 [0, 1]");
    }

    @Test
    void splitRequestsAreAnsweredToTheRequestingAttemptThenNoMoreSplits() throws Exception {
        TestIntSource source = start(List.of(10, 20), null);
        register(0, "a0");
        coordinator.handleEventFromOperator(0, "a0", "tm-0:1", new RequestSplitEvent("host-0"));
        coordinator.handleEventFromOperator(0, "a0", "tm-0:1", new RequestSplitEvent("host-0"));
        coordinator.handleEventFromOperator(0, "a0", "tm-0:1", new RequestSplitEvent("host-0"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sender.eventsTo("a0").size() == 3);
        List<OperatorEvent> events = sender.eventsTo("a0");
        assertThat(splitsIn(events)).containsExactly(10, 20);
        assertThat(events.get(2)).isInstanceOf(NoMoreSplitsEvent.class);
        assertThat(sender.sent).allSatisfy(s -> assertThat(s.rpcAddress()).isEqualTo("tm-0:1"));
        assertThat(source.log).contains("request 0 host-0");
    }

    @Test
    void sourceEventsRoundTripAndEventsOfAnUnregisteredAttemptAreDropped() throws Exception {
        TestIntSource source = start(List.of(), null);
        register(0, "a0");
        coordinator.handleEventFromOperator(0, "a0", "tm-0:1", new SourceEventWrapper(new Echo("hi")));
        coordinator.handleEventFromOperator(0, "old-attempt", "tm-0:1", new SourceEventWrapper(new Echo("stale")));
        coordinator.handleEventFromOperator(1, "a1", "tm-1:1", new RequestSplitEvent(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> !sender.sent.isEmpty());
        sync();
        assertThat(sender.sent).singleElement().satisfies(s -> {
            assertThat(s.attemptId()).isEqualTo("a0");
            assertThat(((SourceEventWrapper) s.event()).sourceEvent()).isEqualTo(new Echo("echo hi"));
        });
        assertThat(source.log).contains("event 0 Echo[text=hi]").noneMatch(l -> l.contains("stale") || l.startsWith("request"));
    }

    @Test
    void anEndedAttemptIsUnregisteredAndAssigningToItIsAnEnumeratorError() throws Exception {
        TestIntSource source = start(List.of(1), null);
        register(0, "a0");
        coordinator.attemptEnded(0, "a0");
        register(1, "a1");
        sync();
        assertThat(source.log).contains("reader 1 [1]");
        coordinator.handleEventFromOperator(0, "a0", "tm-0:1", new RequestSplitEvent(null));
        sync();
        assertThat(failures).isEmpty(); // dropped: not the registered attempt
    }

    @Test
    void aRestartGivesBackTheSplitsAssignedAfterTheRestoredCheckpoint() throws Exception {
        TestIntSource source = start(List.of(1, 2, 3, 4), null);
        register(0, "a0");
        register(1, "a1");
        coordinator.handleEventFromOperator(0, "a0", "tm-0:1", new RequestSplitEvent(null)); // 1 -> subtask 0
        coordinator.checkpoint(5).get(10, TimeUnit.SECONDS);
        coordinator.checkpointComplete(5, false);
        coordinator.handleEventFromOperator(0, "a0", "tm-0:1", new RequestSplitEvent(null)); // 2 -> subtask 0
        coordinator.handleEventFromOperator(1, "a1", "tm-1:1", new RequestSplitEvent(null)); // 3 -> subtask 1
        coordinator.checkpoint(6).get(10, TimeUnit.SECONDS); // taken, never completed
        coordinator.handleEventFromOperator(1, "a1", "tm-1:1", new RequestSplitEvent(null)); // held until 6 is over
        coordinator.attemptEnded(0, "a0");
        coordinator.attemptEnded(1, "a1");

        coordinator.restart(5, null).get(10, TimeUnit.SECONDS);

        assertThat(source.log).contains("back 0 [2]", "back 1 [3, 4]").doesNotContain("restore");
        assertThat(coordinator.checkpoint(7).get(10, TimeUnit.SECONDS).getState().size()).isEqualTo(4 + 4 * 3);
        assertThat(source.log).contains("snapshot 7");
    }

    @Test
    void enumeratorStateIsSnapshottedSerializedAndRestored() throws Exception {
        start(List.of(7, 8, 9), null);
        register(0, "a0");
        coordinator.handleEventFromOperator(0, "a0", "tm-0:1", new RequestSplitEvent(null));
        OperatorCoordinatorStateProto state = coordinator.checkpoint(3).get(10, TimeUnit.SECONDS);
        assertThat(state.getOperatorUid()).isEqualTo("uid-1");
        assertThat(state.getSerializerVersion()).isEqualTo(7);
        coordinator.close();

        TestIntSource restored = start(List.of(), state);
        register(1, "b1");
        coordinator.handleEventFromOperator(1, "b1", "tm-1:1", new RequestSplitEvent(null));
        coordinator.handleEventFromOperator(1, "b1", "tm-1:1", new RequestSplitEvent(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> sender.eventsTo("b1").size() == 2);
        assertThat(restored.log).contains("restore [8, 9]");
        assertThat(splitsIn(sender.eventsTo("b1"))).containsExactly(8, 9);
    }

    @Test
    void eventsAfterTheSnapshotWaitForTheTriggerAndTheSnapshotWaitsForEarlierEvents() throws Exception {
        start(List.of(1, 2), null);
        register(0, "a0");
        CompletableFuture<Boolean> delivery = new CompletableFuture<>();
        sender.reply = delivery;
        coordinator.handleEventFromOperator(0, "a0", "tm-0:1", new RequestSplitEvent(null));
        CompletableFuture<OperatorCoordinatorStateProto> snapshot = coordinator.checkpoint(4);
        coordinator.handleEventFromOperator(0, "a0", "tm-0:1", new RequestSplitEvent(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> sender.sent.size() == 1);
        assertThat(snapshot).isNotDone(); // split 1 is not yet queued at the task

        sender.reply = null;
        delivery.complete(true);
        snapshot.get(10, TimeUnit.SECONDS);
        sync();
        assertThat(sender.sent).hasSize(1); // split 2 was assigned after the snapshot: held back

        coordinator.afterSourceTriggered(4, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> sender.sent.size() == 2);
        assertThat(splitsIn(sender.eventsTo("a0"))).containsExactly(1, 2);
    }

    @Test
    void anUndeliveredEventFailsTheCheckpoint() throws Exception {
        start(List.of(1), null);
        register(0, "a0");
        sender.reply = CompletableFuture.completedFuture(false);
        coordinator.handleEventFromOperator(0, "a0", "tm-0:1", new RequestSplitEvent(null));
        assertThatThrownBy(() -> coordinator.checkpoint(2).get(10, TimeUnit.SECONDS))
                .hasMessageContaining("not delivered");
    }

    @Test
    void aFailingEnumeratorIsReportedAndRecreatedFromTheRestoredStateAtRestart() throws Exception {
        TestIntSource source = start(List.of(1, 2), null);
        register(0, "a0");
        OperatorCoordinatorStateProto state = coordinator.checkpoint(1).get(10, TimeUnit.SECONDS);
        source.failOnRequest = true;
        coordinator.handleEventFromOperator(0, "a0", "tm-0:1", new RequestSplitEvent(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> !failures.isEmpty());
        assertThat(failures.get(0)).hasMessageContaining("split enumerator of source").hasMessageContaining("enumerator broke");
        assertThatThrownBy(() -> coordinator.checkpoint(2).get(10, TimeUnit.SECONDS)).hasMessageContaining("has failed");

        source.failOnRequest = false;
        coordinator.restart(1, state).get(10, TimeUnit.SECONDS);
        assertThat(source.log).containsSubsequence("close", "restore [1, 2]", "start true");
        assertThat(failures).hasSize(1);
    }

    @Test
    void checkpointCompletionReachesTheEnumerator() throws Exception {
        TestIntSource source = start(List.of(), null);
        coordinator.checkpoint(9).get(10, TimeUnit.SECONDS);
        coordinator.checkpointComplete(9, false);
        sync();
        assertThat(source.log).contains("complete 9");
    }
}

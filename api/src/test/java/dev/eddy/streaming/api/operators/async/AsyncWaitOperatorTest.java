package dev.eddy.streaming.api.operators.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.typeutils.base.IntSerializer;
import dev.eddy.streaming.api.datastream.AsyncDataStream.OutputMode;
import dev.eddy.streaming.api.functions.async.AsyncRetryStrategy;
import dev.eddy.streaming.api.functions.async.ResultFuture;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncWaitOperatorTest {
    private final ExecutorService completer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopCompleter() {
        completer.shutdownNow();
    }

    static AsyncWaitOperator<Integer, String> operator(ManualAsyncFunction fn, OutputMode mode, int capacity, long timeout,
            AsyncRetryStrategy<String> retry) {
        return new AsyncWaitOperator<>(fn, timeout, capacity, mode, retry, IntSerializer.INSTANCE);
    }

    private static StreamRecord<String> rec(String v, long ts) {
        return new StreamRecord<>(v, ts);
    }

    @Test
    void orderedModeEmitsInInputOrderWhenCompletionsArriveOutOfOrderFromAnotherThread() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.ORDERED, 10, 0, null)).open();
        for (int i = 1; i <= 4; i++) {
            h.processElement(i, i * 10L);
        }
        h.processWatermark(40);
        List<ManualAsyncFunction.Call> calls = fn.drain();
        assertThat(calls).extracting(c -> c.value).containsExactly(1, 2, 3, 4);

        completer.submit(() -> {
            calls.get(3).complete("d");
            calls.get(1).complete("b1", "b2");
            calls.get(2).complete();
        }).get();
        h.runMail();
        assertThat(h.getOutput()).as("nothing may overtake element 1").isEmpty();

        completer.submit(() -> calls.get(0).complete("a")).get();
        h.runMailUntil(() -> h.getOutput().size() == 5);
        assertThat(h.getOutput()).containsExactly(rec("a", 10), rec("b1", 20), rec("b2", 20), rec("d", 40), new Watermark(40));
        assertThat(h.processingTime().getNumActiveTimers()).isZero();
    }

    @Test
    void unorderedModeEmitsAsCompletedButNeverAcrossAWatermark() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.UNORDERED, 10, 0, null)).open();
        h.processElement(1, 1);
        h.processElement(2, 2);
        h.processWatermark(5);
        h.processElement(3, 6);
        h.processElement(4, 7);
        List<ManualAsyncFunction.Call> calls = fn.drain();

        calls.get(1).complete("two");
        h.runMail();
        assertThat(h.getOutput()).containsExactly(rec("two", 2));

        calls.get(3).complete("four");
        h.runMail();
        assertThat(h.getOutput()).as("4 waits behind watermark 5").containsExactly(rec("two", 2));

        calls.get(0).complete("one");
        h.runMail();
        assertThat(h.getOutput()).containsExactly(rec("two", 2), rec("one", 1), new Watermark(5), rec("four", 7));

        calls.get(2).complete("three");
        h.runMail();
        assertThat(h.getOutput()).endsWith(rec("three", 6));
    }

    @Test
    void aWatermarkWithNothingBeforeItLeavesAtOnce() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.UNORDERED, 10, 0, null)).open();
        h.processWatermark(3);
        h.processElement(1, 4);
        h.processWatermark(8);
        assertThat(h.getOutput()).containsExactly(new Watermark(3));
        fn.next().complete("x");
        h.runMail();
        assertThat(h.getOutput()).containsExactly(new Watermark(3), rec("x", 4), new Watermark(8));
    }

    @Test
    void aFullQueueBackpressuresByYieldingUntilAnEntryLeaves() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.ORDERED, 2, 0, null)).open();
        List<String> notes = new ArrayList<>();
        Future<?> io = completer.submit(() -> {
            ManualAsyncFunction.Call first = fn.next();
            ManualAsyncFunction.Call second = fn.next();
            // the third element must not be invoked while two are in flight
            notes.add("third before completion: " + fn.calls.poll(200, TimeUnit.MILLISECONDS));
            first.complete("1");
            ManualAsyncFunction.Call third = fn.next();
            second.complete("2");
            third.complete("3");
            return null;
        });
        h.processElement(1);
        h.processElement(2);
        h.processElement(3); // blocks in yield() until element 1 has been emitted
        h.finish(); // waits for the rest
        io.get(10, TimeUnit.SECONDS);
        assertThat(notes).containsExactly("third before completion: null");
        assertThat(fn.maxInFlight.get()).isEqualTo(2);
        assertThat(h.outputValues()).containsExactly("1", "2", "3");
    }

    @Test
    void theDefaultTimeoutFailsWithATimeoutException() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.ORDERED, 10, 100, null)).open();
        h.processElement(7, 1);
        h.setProcessingTime(99);
        assertThatThrownBy(() -> h.setProcessingTime(100))
                .isInstanceOf(AsyncWaitOperator.AsyncIOException.class)
                .hasMessageContaining("input 7")
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void anOverriddenTimeoutEmitsItsFallbackAndALateResultIsIgnored() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction() {
            @Override
            public void timeout(Integer input, ResultFuture<String> resultFuture) {
                resultFuture.complete(List.of("fallback-" + input));
            }
        };
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.ORDERED, 10, 100, null)).open();
        h.processElement(1, 1);
        h.setProcessingTime(50);
        h.processElement(2, 2);
        List<ManualAsyncFunction.Call> calls = fn.drain();
        calls.get(1).complete("two");
        h.setProcessingTime(100);
        assertThat(h.getOutput()).containsExactly(rec("fallback-1", 1), rec("two", 2));
        calls.get(0).complete("late");
        h.runMail();
        assertThat(h.outputValues()).containsExactly("fallback-1", "two");
        h.setProcessingTime(150); // element 2's deadline: it completed, so nothing times out and no timer is re-armed
        assertThat(h.outputValues()).containsExactly("fallback-1", "two");
        assertThat(h.processingTime().getNumActiveTimers()).isZero();
    }

    @Test
    void recordsShareOneTimeoutTimerAndEachTimesOutAtItsOwnDeadline() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction() {
            @Override
            public void timeout(Integer input, ResultFuture<String> resultFuture) {
                resultFuture.complete(List.of("timeout-" + input));
            }
        };
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.UNORDERED, 100, 100, null)).open();
        for (int i = 0; i < 50; i++) {
            h.processElement(i);
        }
        h.setProcessingTime(30);
        h.processElement(50);
        h.setProcessingTime(60);
        h.processElement(51);
        assertThat(h.processingTime().getNumActiveTimers()).as("one timer for all deadlines").isEqualTo(1);
        List<ManualAsyncFunction.Call> calls = fn.drain();
        for (int i = 0; i < 50; i++) {
            calls.get(i).complete("r" + i);
        }
        h.runMail();
        h.setProcessingTime(100); // first deadline: nothing due any more, re-arms for 130
        assertThat(h.outputValues()).hasSize(50).doesNotContain("timeout-50");
        h.setProcessingTime(129);
        assertThat(h.outputValues()).hasSize(50);
        h.setProcessingTime(130);
        assertThat(h.outputValues()).endsWith("timeout-50");
        h.setProcessingTime(160);
        assertThat(h.outputValues()).hasSize(52).endsWith("timeout-51");
        assertThat(h.processingTime().getNumActiveTimers()).isZero();
    }

    @Test
    void aFailedRequestFailsTheTaskNamingTheInput() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.UNORDERED, 10, 0, null)).open();
        h.processElement(3);
        fn.next().fail(new IllegalStateException("service down"));
        assertThatThrownBy(h::runMail).isInstanceOf(AsyncWaitOperator.AsyncIOException.class)
                .hasMessageContaining("input 3").hasMessageContaining("service down");
    }

    @Test
    void finishWaitsUntilEverythingInFlightIsEmitted() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.UNORDERED, 10, 0, null)).open();
        h.processElement(1);
        h.processElement(2);
        completer.submit(() -> {
            Thread.sleep(50);
            for (ManualAsyncFunction.Call c : fn.drain()) {
                c.complete("r" + c.value);
            }
            return null;
        });
        h.finish();
        assertThat(h.outputValues()).containsExactlyInAnyOrder("r1", "r2");
    }

    @Test
    void resultsWithoutTimestampStayWithoutTimestamp() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.ORDERED, 10, 0, null)).open();
        h.processElement(1);
        fn.next().complete("x");
        h.runMail();
        assertThat(h.getOutput()).containsExactly(new StreamRecord<>("x"));
    }

    @Test
    void completeWithASupplierRunsItOnTheTaskThread() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.ORDERED, 10, 0, null)).open();
        h.processElement(1);
        ManualAsyncFunction.Call call = fn.next();
        Thread taskThread = Thread.currentThread();
        List<Thread> ranOn = new ArrayList<>();
        completer.submit(() -> call.future.complete(() -> {
            ranOn.add(Thread.currentThread());
            return List.of("supplied");
        })).get();
        h.runMail();
        assertThat(ranOn).containsExactly(taskThread);
        assertThat(h.outputValues()).containsExactly("supplied");
    }

    @Test
    void aSecondCompletionOfTheSameFutureIsIgnored() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.ORDERED, 10, 0, null)).open();
        h.processElement(1);
        ManualAsyncFunction.Call call = fn.next();
        call.future.complete(List.of("first"));
        call.future.completeExceptionally(new RuntimeException("ignored"));
        call.future.complete(List.of("second"));
        h.runMail();
        assertThat(h.outputValues()).containsExactly("first");
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> operator(new ManualAsyncFunction(), OutputMode.ORDERED, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
    }

    @Test
    void entryStateTransitionsFollowTheTable() {
        assertThat(EntryState.IN_FLIGHT.canTransitionTo(EntryState.RETRY_WAIT)).isTrue();
        assertThat(EntryState.IN_FLIGHT.canTransitionTo(EntryState.DONE)).isTrue();
        assertThat(EntryState.RETRY_WAIT.canTransitionTo(EntryState.IN_FLIGHT)).isTrue();
        assertThat(EntryState.DONE.canTransitionTo(EntryState.EMITTED)).isTrue();
        assertThat(EntryState.RETRY_WAIT.canTransitionTo(EntryState.DONE)).isFalse();
        assertThat(EntryState.DONE.canTransitionTo(EntryState.IN_FLIGHT)).isFalse();
        assertThat(EntryState.IN_FLIGHT.canTransitionTo(EntryState.EMITTED)).isFalse();
        for (EntryState s : EntryState.values()) {
            assertThat(EntryState.EMITTED.canTransitionTo(s)).isFalse();
        }
        assertThatThrownBy(() -> EntryState.EMITTED.transitionTo(EntryState.DONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EMITTED -> DONE");
    }
}

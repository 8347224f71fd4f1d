package dev.eddy.streaming.api.operators.async;

import static dev.eddy.streaming.api.operators.async.AsyncWaitOperatorTest.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.streaming.api.datastream.AsyncDataStream.OutputMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class AsyncWaitOperatorSnapshotTest {

    /** Input: 1, 2, watermark 25, 3, 4, with timestamps value*10. */
    private static void feed(AsyncOperatorHarness<Integer, String> h) throws Exception {
        h.processElement(1, 10);
        h.processElement(2, 20);
        h.processWatermark(25);
        h.processElement(3, 30);
        h.processElement(4, 40);
    }

    private static void completeAll(ManualAsyncFunction fn) {
        for (ManualAsyncFunction.Call c : fn.drain()) {
            c.complete("r" + c.value);
        }
    }

    private static List<Object> undisturbedRun(OutputMode mode) throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, mode, 10, 1000, null)).open();
        feed(h);
        completeAll(fn);
        h.finish();
        return h.getOutput();
    }

    @ParameterizedTest
    @EnumSource(OutputMode.class)
    void inFlightAndCompletedButUnemittedElementsAreReissuedAfterRestore(OutputMode mode) throws Exception {
        ManualAsyncFunction before = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> first = new AsyncOperatorHarness<>(operator(before, mode, 10, 1000, null)).open();
        feed(first);
        List<ManualAsyncFunction.Call> calls = before.drain();
        calls.get(3).complete("r4"); // done, but behind 3 (ordered) or the watermark (unordered): not emitted
        first.runMail();
        List<byte[]> state = first.snapshot(1);
        List<Object> emittedBefore = new ArrayList<>(first.getOutput());
        assertThat(emittedBefore).isEmpty();
        first.close();
        calls.get(0).complete("late"); // after the task ended: dropped
        assertThat(state).hasSize(5);

        ManualAsyncFunction after = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> second = new AsyncOperatorHarness<>(operator(after, mode, 10, 1000, null))
                .restoreAndOpen(state);
        List<ManualAsyncFunction.Call> reissued = new ArrayList<>(after.calls);
        assertThat(reissued).extracting(c -> c.value).containsExactly(1, 2, 3, 4);
        completeAll(after);
        second.finish();
        List<Object> all = new ArrayList<>(emittedBefore);
        all.addAll(second.getOutput());
        assertThat(all).isEqualTo(undisturbedRun(mode));
    }

    @Test
    void partlyEmittedQueueKeepsOnlyWhatIsLeftAndItsTimestamps() throws Exception {
        ManualAsyncFunction before = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> first = new AsyncOperatorHarness<>(operator(before, OutputMode.ORDERED, 10, 0, null)).open();
        feed(first);
        List<ManualAsyncFunction.Call> calls = before.drain();
        calls.get(0).complete("r1");
        calls.get(1).complete("r2");
        first.runMail();
        List<byte[]> state = first.snapshot(1);
        assertThat(state).as("3 and 4 are left; the watermark went out").hasSize(2);
        List<Object> emittedBefore = new ArrayList<>(first.getOutput());
        first.close();

        ManualAsyncFunction after = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> second = new AsyncOperatorHarness<>(operator(after, OutputMode.ORDERED, 10, 0, null))
                .restoreAndOpen(state);
        completeAll(after);
        second.finish();
        List<Object> all = new ArrayList<>(emittedBefore);
        all.addAll(second.getOutput());
        assertThat(all).isEqualTo(undisturbedRun(OutputMode.ORDERED));
    }

    @Test
    void aSnapshotWithRecordsInFlightNeedsAnInputSerializer() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(
                new AsyncWaitOperator<>(fn, 0, 10, OutputMode.ORDERED, null, null)).open();
        assertThat(h.snapshot(1)).isEmpty();
        h.processElement(1);
        assertThatThrownBy(() -> h.snapshot(2)).isInstanceOf(IllegalStateException.class).hasMessageContaining("no serializer");
    }
}

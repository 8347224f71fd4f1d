package dev.eddy.runtime.taskmanager.state.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.streaming.api.datastream.AsyncDataStream.OutputMode;
import dev.eddy.streaming.api.functions.async.AsyncFunction;
import dev.eddy.streaming.api.functions.async.ResultFuture;
import dev.eddy.streaming.api.operators.async.AsyncWaitOperator;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The async operator's queued elements go through the real operator state machinery (files written
 * by the async snapshot part, restored into a fresh copy of the prototype, split on rescaling) and
 * are requested again after the restore.
 */
class AsyncWaitOperatorRestoreTest {
    private static final String UID = "async-uid";
    /** Calls of every copy of {@link Recording}: the harness deserializes its own copy of the function. */
    static final ConcurrentLinkedQueue<Call> CALLS = new ConcurrentLinkedQueue<>();

    record Call(long value, ResultFuture<String> future) {
        void complete() {
            future.complete(List.of("r" + value));
        }
    }

    static final class Recording implements AsyncFunction<Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {
            CALLS.add(new Call(input, resultFuture));
        }
    }

    @TempDir
    Path dir;

    @BeforeEach
    void clearCalls() {
        CALLS.clear();
    }

    private OperatorSnapshotHarness.Spec<Long, String> spec(OutputMode mode) {
        AsyncWaitOperator<Long, String> op = new AsyncWaitOperator<>(new Recording(), 0, 20, mode, null,
                Types.LONG.createSerializer(new SerializerConfig()));
        return new OperatorSnapshotHarness.Spec<>(op, null, null, 128, Backends.heap(), dir.resolve("checkpoints"), UID);
    }

    private static List<Call> takeCalls() {
        List<Call> calls = new ArrayList<>(CALLS);
        CALLS.clear();
        return calls;
    }

    /** 1..6 with timestamps v*10 and a watermark after 3. */
    private static void feed(OperatorSnapshotHarness<Long, String> h) throws Exception {
        for (long v = 1; v <= 6; v++) {
            h.processElement(v, v * 10);
            if (v == 3) {
                h.processWatermark(35);
            }
        }
    }

    private static List<Object> output(OperatorSnapshotHarness<Long, String> h) {
        List<Object> out = new ArrayList<>();
        // records and watermarks are kept apart by the harness; merge by timestamp is not needed here
        out.addAll(h.getOutputRecords());
        out.addAll(h.getWatermarks());
        return out;
    }

    @ParameterizedTest
    @EnumSource(OutputMode.class)
    void queuedElementsAreRequestedAgainAfterRestoreAndGiveTheUndisturbedOutput(OutputMode mode) throws Exception {
        List<Object> expected;
        try (OperatorSnapshotHarness<Long, String> h = spec(mode).subtask(1, 0).open()) {
            feed(h);
            takeCalls().forEach(Call::complete);
            h.setProcessingTime(1); // runs the result mail
            expected = output(h);
        }
        assertThat(expected).hasSize(7);

        List<Object> out = new ArrayList<>();
        OperatorSubtaskStateProto state;
        try (OperatorSnapshotHarness<Long, String> h = spec(mode).subtask(1, 0).open()) {
            feed(h);
            List<Call> calls = takeCalls();
            calls.get(0).complete();
            calls.get(4).complete(); // done, not emitted: 4 is still in flight before it
            h.setProcessingTime(1);
            state = h.snapshot(1);
            out.addAll(h.getOutputRecords());
            out.addAll(h.getWatermarks());
        }
        assertThat(out).containsExactly(new StreamRecord<>("r1", 10));

        try (OperatorSnapshotHarness<Long, String> h = spec(mode).subtask(1, 0).restoreAndOpen(state, 1)) {
            List<Call> reissued = takeCalls();
            assertThat(reissued).extracting(Call::value).containsExactly(2L, 3L, 4L, 5L, 6L);
            reissued.forEach(Call::complete);
            h.setProcessingTime(1);
            out.addAll(h.getOutputRecords());
            out.addAll(h.getWatermarks());
        }
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(out).contains(new Watermark(35));
    }

    @Test
    void orderedOutputAfterRestoreStaysInInputOrder() throws Exception {
        OperatorSubtaskStateProto state;
        try (OperatorSnapshotHarness<Long, String> h = spec(OutputMode.ORDERED).subtask(1, 0).open()) {
            feed(h);
            takeCalls();
            state = h.snapshot(1);
        }
        try (OperatorSnapshotHarness<Long, String> h = spec(OutputMode.ORDERED).subtask(1, 0).restoreAndOpen(state, 1)) {
            List<Call> reissued = takeCalls();
            for (int i = reissued.size() - 1; i >= 0; i--) {
                reissued.get(i).complete();
            }
            h.setProcessingTime(1);
            assertThat(h.getOutputRecords()).containsExactly(new StreamRecord<>("r1", 10), new StreamRecord<>("r2", 20),
                    new StreamRecord<>("r3", 30), new StreamRecord<>("r4", 40), new StreamRecord<>("r5", 50), new StreamRecord<>("r6", 60));
            assertThat(h.getWatermarks()).containsExactly(new Watermark(35));
        }
    }

    @Test
    void queuedElementsAreSplitAmongSubtasksOnRescale() throws Exception {
        OperatorSubtaskStateProto state;
        try (OperatorSnapshotHarness<Long, String> h = spec(OutputMode.UNORDERED).subtask(1, 0).open()) {
            feed(h);
            takeCalls();
            state = h.snapshot(1);
        }
        List<Long> reissued = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            OperatorSubtaskStateProto part = StateRedistribution.forSubtask(UID, List.of(state), 128, 2, i);
            try (OperatorSnapshotHarness<Long, String> h = spec(OutputMode.UNORDERED).subtask(2, i).restoreAndOpen(part, 1)) {
                List<Call> calls = takeCalls();
                assertThat(calls).isNotEmpty();
                calls.forEach(c -> reissued.add(c.value()));
                calls.forEach(Call::complete);
                h.setProcessingTime(1);
                out.addAll(h.getOutputValues());
            }
        }
        assertThat(reissued).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(out).containsExactlyInAnyOrder("r1", "r2", "r3", "r4", "r5", "r6");
    }
}

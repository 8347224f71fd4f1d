package dev.eddy.runtime.taskmanager.state.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.eddy.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.eddy.streaming.api.functions.co.ProcessJoinFunction;
import dev.eddy.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import dev.eddy.streaming.api.operators.co.IntervalJoinOperator;
import dev.eddy.streaming.api.operators.co.KeyedCoProcessOperator;
import dev.eddy.runtime.taskmanager.state.harness.TwoInputAdapter.Either;
import dev.eddy.util.Collector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-input operators through the snapshot harness (via {@link TwoInputAdapter}): keyed
 * co-process state and timers, broadcast state and interval-join buffers survive a snapshot and a
 * restore at another parallelism.
 */
class TwoInputOperatorSnapshotTest {
    static final int MAX_PARALLELISM = 16;
    static final MapStateDescriptor<String, Integer> RULES = new MapStateDescriptor<>("rules", Types.STRING, Types.INT);

    @TempDir
    Path dir;

    private <OUT> OperatorSnapshotHarness.Spec<Either<Long, Long>, OUT> keyedSpec(
            dev.eddy.streaming.api.operators.TwoInputStreamOperator<Long, Long, OUT> op, boolean secondKeyed, String uid) {
        TestFunctions.Mod7 mod7 = new TestFunctions.Mod7();
        TwoInputAdapter<Long, Long, OUT> adapter = new TwoInputAdapter<>(op, mod7, secondKeyed ? mod7 : null);
        KeySelector<Either<Long, Long>, Object> key = TwoInputAdapter.eitherKey(mod7, mod7);
        return new OperatorSnapshotHarness.Spec<>(adapter, key, Types.LONG.createSerializer(new SerializerConfig()),
                MAX_PARALLELISM, Backends.heap(), dir.resolve("checkpoints"), uid);
    }

    private static <OUT> List<OperatorSnapshotHarness<Either<Long, Long>, OUT>> restore(
            OperatorSnapshotHarness.Spec<Either<Long, Long>, OUT> spec, List<OperatorSubtaskStateProto> states, int p) throws Exception {
        List<OperatorSnapshotHarness<Either<Long, Long>, OUT>> hs = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            OperatorSnapshotHarness<Either<Long, Long>, OUT> h = spec.subtask(p, i);
            h.restoreAndOpen(StateRedistribution.forSubtask(spec.operatorUid(), states, MAX_PARALLELISM, p, i), 1);
            hs.add(h);
        }
        return hs;
    }

    private static <OUT> OperatorSnapshotHarness<Either<Long, Long>, OUT> owner(List<OperatorSnapshotHarness<Either<Long, Long>, OUT>> hs,
            long value) {
        return hs.get(KeyGroupRangeAssignment.assignKeyToParallelOperator(value % 7, MAX_PARALLELISM, hs.size()));
    }

    @Test
    void keyedCoProcessStateAndTimersSurviveRescaling() throws Exception {
        var spec = keyedSpec(new KeyedCoProcessOperator<>(new SumUntilTimer()), true, "co-process");
        List<OperatorSubtaskStateProto> states = new ArrayList<>();
        try (var h = spec.subtask(1, 0).open()) {
            h.processElement(Either.left(1L), 0);
            h.processElement(Either.left(8L), 1);
            h.processElement(Either.right(15L), 2);
            h.processElement(Either.left(2L), 3);
            assertThat(h.getOutputValues()).isEmpty();
            states.add(h.snapshot(1));
        }
        List<String> out = new ArrayList<>();
        List<OperatorSnapshotHarness<Either<Long, Long>, String>> restored = restore(spec, states, 2);
        owner(restored, 9L).processElement(Either.left(9L), 4);
        for (var h : restored) {
            h.processWatermark(100);
            out.addAll(h.getOutputValues());
            h.close();
        }
        // key 1: 1 + 8 - 15, timers at 10 and 11; key 2: 2 + 9, timers at 13 and 14.
        assertThat(out).containsExactlyInAnyOrder("1:-6@10", "1:-6@11", "2:11@13", "2:11@14");
    }

    @Test
    void broadcastStateIsRestoredIntoEverySubtaskAtAnyParallelism() throws Exception {
        var spec = keyedSpec(new CoBroadcastWithKeyedOperator<>(new ApplyRules(), List.of(RULES)), false, "broadcast");
        List<OperatorSubtaskStateProto> states = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (var h = spec.subtask(2, i).open()) {
                h.processElement(Either.right(1L));
                h.processElement(Either.right(2L));
                states.add(h.snapshot(1));
            }
        }
        for (int p : new int[] {3, 1}) {
            List<OperatorSnapshotHarness<Either<Long, Long>, String>> restored = restore(spec, states, p);
            for (int i = 0; i < p; i++) {
                var h = restored.get(i);
                long owned = firstOwnedValue(h);
                h.processElement(Either.left(owned));
                assertThat(h.getOutputValues()).as("p=%d subtask %d", p, i).containsExactly(owned + ":{r1=1, r2=2}");
            }
            states = new ArrayList<>();
            for (var h : restored) {
                states.add(h.snapshot(2));
                h.close();
            }
        }
    }

    @Test
    void intervalJoinBuffersSurviveASnapshotAndLateRecordsAreDropped() throws Exception {
        var spec = keyedSpec(new IntervalJoinOperator<Long, Long, Long, String>(-2, 3, Types.LONG, Types.LONG, new Pair()), true,
                "join");
        List<OperatorSubtaskStateProto> states = new ArrayList<>();
        try (var h = spec.subtask(1, 0).open()) {
            h.processElement(Either.left(1L), 10);
            h.processElement(Either.right(8L), 12);   // key 1, 12 in [8, 13]
            h.processElement(Either.right(15L), 5);   // key 1, 5 not in [8, 13]
            assertThat(h.getOutputValues()).containsExactly("1@10+8@12=12");
            states.add(h.snapshot(1));
        }
        List<OperatorSnapshotHarness<Either<Long, Long>, String>> restored = restore(spec, states, 2);
        var h = owner(restored, 1L);
        h.clearOutput();
        h.processElement(Either.left(22L), 7);        // key 1, right 5 in [5, 10]; right 12 not
        h.processElement(Either.right(29L), 9);       // key 1, joins left 10 (9 in [8,13]) and left 7 (9 in [5,10])
        assertThat(h.getOutputValues()).containsExactlyInAnyOrder("22@7+15@5=7", "1@10+29@9=10", "22@7+29@9=9");
        h.clearOutput();
        h.processWatermark(20);                       // cleans every buffer up to 20
        h.processElement(Either.right(36L), 12);      // late: 12 < watermark 20
        h.processElement(Either.left(43L), 21);       // nothing buffered for it any more
        h.processElement(Either.right(50L), 21);      // joins left 21
        assertThat(h.getOutputValues()).containsExactly("43@21+50@21=21");
        for (var s : restored) {
            s.close();
        }
    }

    @Test
    void lateIntervalJoinRecordsGoToTheirSideOutputs() throws Exception {
        IntervalJoinOperator<Long, Long, Long, String> op = new IntervalJoinOperator<>(0, 5, Types.LONG, Types.LONG, new Pair());
        op.setLateDataOutputTags(new dev.eddy.util.OutputTag<>("late-left", Types.LONG),
                new dev.eddy.util.OutputTag<>("late-right", Types.LONG));
        var spec = keyedSpec(op, true, "late");
        try (var h = spec.subtask(1, 0).open()) {
            h.processWatermark(10);
            h.processElement(Either.left(1L), 9);
            h.processElement(Either.right(2L), 3);
            h.processElement(Either.left(3L), 10);
            h.processElement(Either.right(4L), 12);
            @SuppressWarnings("unchecked")
            TwoInputAdapter<Long, Long, String> adapter = (TwoInputAdapter<Long, Long, String>) h.getOperator();
            assertThat(adapter.getSideOutput("late-left")).containsExactly(new dev.eddy.streaming.runtime.streamrecord.StreamRecord<>(1L, 9));
            assertThat(adapter.getSideOutput("late-right")).containsExactly(new dev.eddy.streaming.runtime.streamrecord.StreamRecord<>(2L, 3));
            assertThat(h.getOutputValues()).isEmpty(); // 3 and 4 have different keys
        }
    }

    private static long firstOwnedValue(OperatorSnapshotHarness<Either<Long, Long>, String> h) {
        for (long v = 0; ; v++) {
            if (h.owns(v % 7)) {
                return v;
            }
        }
    }

    /** Sums input 1 minus input 2 per key; each input-1 record sets a timer 10 after it that reports the sum. */
    static final class SumUntilTimer extends KeyedCoProcessFunction<Long, Long, Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> sum;

        @Override
        public void open(OpenContext ctx) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
        }

        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) throws Exception {
            sum.update((sum.value() == null ? 0 : sum.value()) + value);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        @Override
        public void processElement2(Long value, Context ctx, Collector<String> out) throws Exception {
            sum.update((sum.value() == null ? 0 : sum.value()) - value);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + ":" + sum.value() + "@" + timestamp);
        }
    }

    /** Broadcast n puts rule "r<n>" = n; a keyed element reports the rules it sees. */
    static final class ApplyRules extends KeyedBroadcastProcessFunction<Long, Long, Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Map<String, Integer> seen = new TreeMap<>();
            ctx.getBroadcastState(RULES).immutableEntries().forEach(e -> seen.put(e.getKey(), e.getValue()));
            out.collect(value + ":" + seen);
        }

        @Override
        public void processBroadcastElement(Long value, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put("r" + value, value.intValue());
        }
    }

    static final class Pair extends ProcessJoinFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long left, Long right, Context ctx, Collector<String> out) {
            out.collect(left + "@" + ctx.getLeftTimestamp() + "+" + right + "@" + ctx.getRightTimestamp() + "=" + ctx.getTimestamp());
        }
    }
}

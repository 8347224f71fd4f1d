package dev.eddy.runtime.taskmanager.state.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.proto.OperatorStatePartProto;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.state.StateBackendSettings;
import dev.eddy.streaming.api.operators.KeyedProcessOperator;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.StreamGroupedReduceOperator;
import dev.eddy.streaming.api.operators.StreamMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every stateful operator snapshots and restores between elements: a run interrupted by a
 * snapshot and a restore (possibly at another parallelism) gives the same output as an
 * uninterrupted run.
 */
class OperatorSnapshotHarnessTest {
    private static final int MAX_PARALLELISM = 128;
    private static final String UID = "op-uid";

    @TempDir
    Path dir;

    private <OUT> OperatorSnapshotHarness.Spec<Long, OUT> keyedSpec(OneInputStreamOperator<Long, OUT> op, StateBackendSettings.Kind kind) {
        OperatorSnapshotHarness.BackendFactory backends = kind == StateBackendSettings.Kind.HASHMAP ? Backends.heap()
                : Backends.fromSettings(kind, dir.resolve("rocksdb"));
        return keyedSpec(op, backends);
    }

    private <OUT> OperatorSnapshotHarness.Spec<Long, OUT> keyedSpec(OneInputStreamOperator<Long, OUT> op,
            OperatorSnapshotHarness.BackendFactory backends) {
        return new OperatorSnapshotHarness.Spec<>(op, new TestFunctions.Mod7(), Types.LONG.createSerializer(new SerializerConfig()),
                MAX_PARALLELISM, backends, dir.resolve("checkpoints"), UID);
    }

    private static List<Long> inputs(int n) {
        return LongStream.range(0, n).boxed().toList();
    }

    /** Processes {@code values} at p=1 without interruption. */
    private static <OUT> List<OUT> uninterrupted(OperatorSnapshotHarness.Spec<Long, OUT> spec, List<Long> values) throws Exception {
        try (OperatorSnapshotHarness<Long, OUT> h = spec.subtask(1, 0).open()) {
            for (long v : values) {
                h.processElement(v, v * 10);
            }
            return new ArrayList<>(h.getOutputValues());
        }
    }

    /**
     * Processes the first {@code split} values at parallelism {@code oldP}, snapshots every subtask,
     * restores at {@code newP}, processes the rest; returns the output in element order.
     */
    private static <OUT> List<OUT> interrupted(OperatorSnapshotHarness.Spec<Long, OUT> spec, List<Long> values, int split, int oldP, int newP)
            throws Exception {
        List<OUT> out = new ArrayList<>();
        List<OperatorSnapshotHarness<Long, OUT>> old = open(spec, oldP, null);
        route(spec, old, values.subList(0, split), out);
        List<OperatorSubtaskStateProto> states = new ArrayList<>();
        for (OperatorSnapshotHarness<Long, OUT> h : old) {
            states.add(h.snapshot(1));
            h.close();
        }
        List<OperatorSnapshotHarness<Long, OUT>> restored = open(spec, newP, states);
        route(spec, restored, values.subList(split, values.size()), out);
        for (OperatorSnapshotHarness<Long, OUT> h : restored) {
            h.close();
        }
        return out;
    }

    private static <OUT> List<OperatorSnapshotHarness<Long, OUT>> open(OperatorSnapshotHarness.Spec<Long, OUT> spec, int p,
            List<OperatorSubtaskStateProto> restoreFrom) throws Exception {
        List<OperatorSnapshotHarness<Long, OUT>> hs = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            OperatorSnapshotHarness<Long, OUT> h = spec.subtask(p, i);
            if (restoreFrom == null) {
                h.open();
            } else {
                h.restoreAndOpen(StateRedistribution.forSubtask(UID, restoreFrom, MAX_PARALLELISM, p, i), 1);
            }
            hs.add(h);
        }
        return hs;
    }

    @SuppressWarnings("unchecked")
    private static <OUT> void route(OperatorSnapshotHarness.Spec<Long, OUT> spec, List<OperatorSnapshotHarness<Long, OUT>> subtasks,
            List<Long> values, List<OUT> out) throws Exception {
        for (long v : values) {
            Object key = ((KeySelector<Long, ?>) spec.keySelector()).getKey(v);
            OperatorSnapshotHarness<Long, OUT> h =
                    subtasks.get(KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX_PARALLELISM, subtasks.size()));
            h.clearOutput();
            h.processElement(v, v * 10);
            out.addAll(h.getOutputValues());
        }
    }

    @ParameterizedTest
    @EnumSource(StateBackendSettings.Kind.class)
    void keyedStateKindsContinueAfterRestore(StateBackendSettings.Kind kind) throws Exception {
        OperatorSnapshotHarness.Spec<Long, String> spec = keyedSpec(new KeyedProcessOperator<>(new TestFunctions.AllStateKinds()), kind);
        List<String> expected = uninterrupted(spec, inputs(60));
        assertThat(expected.get(59)).isEqualTo("3 count=9 seen=[3, 10, 17, 24, 31, 38, 45, 52, 59] parity={0=4, 1=5} sum=279 n=9");
        assertThat(interrupted(spec, inputs(60), 30, 1, 1)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(StateBackendSettings.Kind.class)
    void keyedStateKindsRescaleUpAndDown(StateBackendSettings.Kind kind) throws Exception {
        OperatorSnapshotHarness.Spec<Long, String> spec = keyedSpec(new KeyedProcessOperator<>(new TestFunctions.AllStateKinds()), kind);
        List<String> expected = uninterrupted(spec, inputs(60));
        assertThat(interrupted(spec, inputs(60), 25, 2, 3)).isEqualTo(expected);
        assertThat(interrupted(spec, inputs(60), 35, 3, 2)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(StateBackendSettings.Kind.class)
    void groupedReduceContinuesAfterRestore(StateBackendSettings.Kind kind) throws Exception {
        StreamGroupedReduceOperator<Long> reduce =
                new StreamGroupedReduceOperator<>(Long::sum, Types.LONG.createSerializer(new SerializerConfig()));
        OperatorSnapshotHarness.Spec<Long, Long> spec = keyedSpec(reduce, kind);
        List<Long> expected = uninterrupted(spec, inputs(50));
        assertThat(expected.get(49)).isEqualTo(0 + 7 + 14 + 21 + 28 + 35 + 42 + 49L);
        assertThat(interrupted(spec, inputs(50), 20, 1, 1)).isEqualTo(expected);
        assertThat(interrupted(spec, inputs(50), 20, 1, 4)).isEqualTo(expected);
    }

    @Test
    void changesAfterTheSynchronousPartDoNotReachTheSnapshot() throws Exception {
        OperatorSnapshotHarness.Spec<Long, String> spec =
                keyedSpec(new KeyedProcessOperator<>(new TestFunctions.AllStateKinds()), StateBackendSettings.Kind.HASHMAP);
        List<String> expected = uninterrupted(spec, inputs(40));
        OperatorSubtaskStateProto state;
        try (OperatorSnapshotHarness<Long, String> h = spec.subtask(1, 0).open()) {
            for (long v = 0; v < 20; v++) {
                h.processElement(v, v * 10);
            }
            AsyncSnapshot<OperatorSubtaskStateProto> pending = h.snapshotSync(1);
            for (long v = 100; v < 140; v++) { // changes every key between the sync and the async part
                h.processElement(v, v * 10);
            }
            state = pending.run();
        }
        List<String> out = new ArrayList<>();
        try (OperatorSnapshotHarness<Long, String> h = spec.subtask(1, 0).restoreAndOpen(state, 1)) {
            for (long v = 20; v < 40; v++) {
                h.processElement(v, v * 10);
            }
            out.addAll(h.getOutputValues());
        }
        assertThat(out).isEqualTo(expected.subList(20, 40));
    }

    @ParameterizedTest
    @EnumSource(StateBackendSettings.Kind.class)
    void timersSurviveRestoreAndRescaleAndFireOnce(StateBackendSettings.Kind kind) throws Exception {
        OperatorSnapshotHarness.Spec<Long, String> spec = keyedSpec(new KeyedProcessOperator<>(new TestFunctions.Timers()), kind);
        List<String> expected = new ArrayList<>();
        try (OperatorSnapshotHarness<Long, String> h = spec.subtask(1, 0).open()) {
            for (long v = 0; v < 20; v++) {
                h.processElement(v, v * 10);
                if (v == 9) {
                    h.processWatermark(60);
                }
            }
            h.processWatermark(1_000);
            h.setProcessingTime(10_000);
            expected.addAll(h.getOutputValues());
        }
        assertThat(expected).hasSize(40).contains("2@45:event", "6@106:processing");

        List<String> actual = new ArrayList<>();
        List<OperatorSubtaskStateProto> states = new ArrayList<>();
        try (OperatorSnapshotHarness<Long, String> h = spec.subtask(1, 0).open()) {
            for (long v = 0; v < 10; v++) {
                h.processElement(v, v * 10);
            }
            h.processWatermark(60);
            actual.addAll(h.getOutputValues());
            states.add(h.snapshot(1));
        }
        assertThat(states.get(0).getRawKeyedCount()).isEqualTo(1);
        List<OperatorSnapshotHarness<Long, String>> restored = open(spec, 2, states);
        for (long v = 10; v < 20; v++) {
            restored.get(KeyGroupRangeAssignment.assignKeyToParallelOperator(v % 7, MAX_PARALLELISM, 2)).processElement(v, v * 10);
        }
        for (OperatorSnapshotHarness<Long, String> h : restored) {
            h.processWatermark(1_000);
            h.setProcessingTime(10_000);
            actual.addAll(h.getOutputValues());
            h.close();
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(StateBackendSettings.Kind.class)
    void processingTimersAlreadyDueFireRightAfterRestore(StateBackendSettings.Kind kind) throws Exception {
        OperatorSnapshotHarness.Spec<Long, String> spec = keyedSpec(new KeyedProcessOperator<>(new TestFunctions.Timers()), kind);
        OperatorSubtaskStateProto state;
        try (OperatorSnapshotHarness<Long, String> h = spec.subtask(1, 0).open()) {
            h.processElement(3L, 30);
            h.processElement(4L, 40);
            state = h.snapshot(1);
        }
        try (OperatorSnapshotHarness<Long, String> h = spec.subtask(1, 0)) {
            h.setProcessingTime(103); // the timer of 3 (at 103) is due, the one of 4 (at 104) is not
            h.restoreAndOpen(state, 1);
            assertThat(h.getOutputValues()).containsExactly("3@103:processing");
            h.processWatermark(100);
            assertThat(h.getOutputValues()).containsExactly("3@103:processing", "3@55:event", "4@65:event");
        }
    }

    @Test
    void timersChangedAfterTheSynchronousPartAreNotInTheSnapshot() throws Exception {
        OperatorSnapshotHarness.Spec<Long, String> spec =
                keyedSpec(new KeyedProcessOperator<>(new TestFunctions.Timers()), StateBackendSettings.Kind.HASHMAP);
        OperatorSubtaskStateProto state;
        try (OperatorSnapshotHarness<Long, String> h = spec.subtask(1, 0).open()) {
            h.processElement(3L, 30);
            h.processElement(4L, 40);
            AsyncSnapshot<OperatorSubtaskStateProto> pending = h.snapshotSync(1);
            h.processElement(5L, 50); // new timers after the synchronous part
            h.processWatermark(60); // fires 3@55 after the synchronous part
            assertThat(h.getOutputValues()).containsExactly("3@55:event");
            state = pending.run();
        }
        try (OperatorSnapshotHarness<Long, String> h = spec.subtask(1, 0).restoreAndOpen(state, 1)) {
            h.processWatermark(100);
            h.setProcessingTime(10_000);
            assertThat(h.getOutputValues()).containsExactly("3@55:event", "4@65:event", "3@103:processing", "4@104:processing");
        }
    }

    @Test
    void checkpointedFunctionListStatesAreRedistributedOnRescale() throws Exception {
        OperatorSnapshotHarness.Spec<Long, Long> spec = new OperatorSnapshotHarness.Spec<>(new StreamMap<>(new TestFunctions.BufferingMap()),
                null, null, MAX_PARALLELISM, Backends.heap(), dir.resolve("checkpoints"), UID);
        List<OperatorSubtaskStateProto> states = new ArrayList<>();
        long[][] inputs = {{0, 1, 2, 3, 4}, {10, 11, 12, 13, 14, 15, 16}};
        for (int i = 0; i < 2; i++) {
            try (OperatorSnapshotHarness<Long, Long> h = spec.subtask(2, i).open()) {
                TestFunctions.BufferingMap f = function(h);
                assertThat(f.calls).containsExactly("initializeState", "open");
                assertThat(f.initContext.isRestored()).isFalse();
                assertThat(f.initContext.getKeyedStateStore()).isNull();
                for (long v : inputs[i]) {
                    h.processElement(v);
                }
                states.add(h.snapshot(5));
                h.notifyCheckpointComplete(5);
                assertThat(f.calls).endsWith("snapshotState 5", "complete 5");
            }
        }
        assertThat(states.get(1).getOperatorStateList()).extracting(OperatorStatePartProto::getMode)
                .containsExactly(OperatorStatePartProto.Mode.SPLIT_DISTRIBUTE, OperatorStatePartProto.Mode.UNION);

        List<Long> allSplit = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (OperatorSnapshotHarness<Long, Long> h = spec.subtask(3, i)
                    .restoreAndOpen(StateRedistribution.forSubtask(UID, states, MAX_PARALLELISM, 3, i), 5)) {
                TestFunctions.BufferingMap f = function(h);
                assertThat(f.initContext.isRestored()).isTrue();
                assertThat(f.initContext.getRestoredCheckpointId()).hasValue(5);
                assertThat(f.buffer).hasSize(4); // 12 elements split evenly over 3
                assertThat(f.restoredSizes).containsExactly(5L, 7L); // union: everyone gets all
                allSplit.addAll(f.buffer);
            }
        }
        assertThat(allSplit).containsExactly(0L, 1L, 2L, 3L, 4L, 10L, 11L, 12L, 13L, 14L, 15L, 16L);
    }

    @Test
    void operatorStateNotRequestedAfterRestoreIsKeptForTheNextSnapshot() throws Exception {
        OperatorSnapshotHarness.Spec<Long, Long> spec = new OperatorSnapshotHarness.Spec<>(new StreamMap<>(new TestFunctions.BufferingMap()),
                null, null, MAX_PARALLELISM, Backends.heap(), dir.resolve("checkpoints"), UID);
        OperatorSubtaskStateProto first;
        try (OperatorSnapshotHarness<Long, Long> h = spec.subtask(1, 0).open()) {
            h.processElement(7L);
            first = h.snapshot(1);
        }
        OperatorSubtaskStateProto extra = first.toBuilder().addOperatorState(OperatorStatePartProto.newBuilder().setName("old-state")
                .setMode(OperatorStatePartProto.Mode.SPLIT_DISTRIBUTE).addElements(com.google.protobuf.ByteString.copyFromUtf8("x"))).build();
        try (OperatorSnapshotHarness<Long, Long> h = spec.subtask(1, 0).restoreAndOpen(extra, 1)) {
            OperatorSubtaskStateProto second = h.snapshot(2);
            assertThat(second.getOperatorStateList()).extracting(OperatorStatePartProto::getName).contains("old-state");
        }
    }

    @ParameterizedTest
    @EnumSource(StateBackendSettings.Kind.class)
    void ttlStateKeepsItsTimestampsAcrossRestore(StateBackendSettings.Kind kind) throws Exception {
        AtomicLong clock = new AtomicLong(0);
        OperatorSnapshotHarness.Spec<Long, String> spec = keyedSpec(new KeyedProcessOperator<>(new TestFunctions.TtlValue()),
                kind == StateBackendSettings.Kind.HASHMAP ? Backends.heap(clock::get) : Backends.rocksdb(dir.resolve("rocksdb"), clock::get));
        OperatorSubtaskStateProto state;
        try (OperatorSnapshotHarness<Long, String> h = spec.subtask(1, 0).open()) {
            h.processElement(1L); // key 1, written at 0
            clock.set(50);
            h.processElement(2L); // key 2, written at 50
            state = h.snapshot(1);
        }
        clock.set(120); // key 1 expired (0 + 100), key 2 alive (50 + 100)
        try (OperatorSnapshotHarness<Long, String> h = spec.subtask(1, 0).restoreAndOpen(state, 1)) {
            h.processElement(8L);
            h.processElement(9L);
            assertThat(h.getOutputValues()).containsExactly("1 last=null", "2 last=2");
        }
    }

    /**
     * Savepoint at parallelism {@code oldP} with one backend, restore at {@code newP} with another
     * (relative paths resolved against the checkpoint directory); returns the output in element order.
     */
    private static <OUT> List<OUT> viaSavepoint(OperatorSnapshotHarness.Spec<Long, OUT> from, OperatorSnapshotHarness.Spec<Long, OUT> to,
            List<Long> values, int split, int oldP, int newP, boolean fireTimers) throws Exception {
        List<OUT> out = new ArrayList<>();
        List<OperatorSnapshotHarness<Long, OUT>> old = open(from, oldP, null);
        route(from, old, values.subList(0, split), out);
        List<OperatorSubtaskStateProto> states = new ArrayList<>();
        for (OperatorSnapshotHarness<Long, OUT> h : old) {
            OperatorSubtaskStateProto s = h.savepoint(9); // null when the subtask got no key
            assertThat(s == null ? List.<dev.eddy.proto.KeyedStateHandleProto>of() : s.getManagedKeyedList()).allSatisfy(k -> assertThat(Path.of(k.getKeyGroups().getPath()).isAbsolute()).isFalse());
            states.add(s);
            h.close();
        }
        List<OperatorSnapshotHarness<Long, OUT>> restored = open(to, newP, states);
        route(to, restored, values.subList(split, values.size()), out);
        for (OperatorSnapshotHarness<Long, OUT> h : restored) {
            if (fireTimers) {
                h.clearOutput();
                h.processWatermark(10_000);
                h.setProcessingTime(100_000);
                out.addAll(h.getOutputValues());
            }
            h.close();
        }
        return out;
    }

    @Test
    void savepointsMoveBetweenBackendsAtAnotherParallelism() throws Exception {
        OperatorSnapshotHarness.Spec<Long, String> heap =
                keyedSpec(new KeyedProcessOperator<>(new TestFunctions.AllStateKinds()), StateBackendSettings.Kind.HASHMAP);
        OperatorSnapshotHarness.Spec<Long, String> rocks =
                keyedSpec(new KeyedProcessOperator<>(new TestFunctions.AllStateKinds()), StateBackendSettings.Kind.ROCKSDB);
        List<String> expected = uninterrupted(heap, inputs(60));
        assertThat(viaSavepoint(heap, rocks, inputs(60), 30, 2, 3, false)).isEqualTo(expected);
        assertThat(viaSavepoint(rocks, heap, inputs(60), 30, 3, 2, false)).isEqualTo(expected);
    }

    @Test
    void timersMoveBetweenBackendsThroughASavepoint() throws Exception {
        OperatorSnapshotHarness.Spec<Long, String> heap =
                keyedSpec(new KeyedProcessOperator<>(new TestFunctions.Timers()), StateBackendSettings.Kind.HASHMAP);
        OperatorSnapshotHarness.Spec<Long, String> rocks =
                keyedSpec(new KeyedProcessOperator<>(new TestFunctions.Timers()), StateBackendSettings.Kind.ROCKSDB);
        List<String> a = viaSavepoint(heap, rocks, inputs(20), 12, 1, 2, true);
        List<String> b = viaSavepoint(rocks, heap, inputs(20), 12, 2, 1, true);
        assertThat(a).hasSize(40).containsExactlyInAnyOrderElementsOf(b).contains("0@25:event", "5@119:processing");
    }

    /**
     * Runs elements 0..n-1 (timestamp 10 * v), a watermark after every 5th and a processing-time
     * step after every 7th; with {@code restoreEachTime}, snapshots and restores into a fresh
     * operator copy after every single step.
     */
    private static <OUT> List<OUT> stepByStep(OperatorSnapshotHarness.Spec<Long, OUT> spec, int n, boolean restoreEachTime)
            throws Exception {
        List<OUT> out = new ArrayList<>();
        OperatorSnapshotHarness<Long, OUT> h = spec.subtask(1, 0).open();
        long checkpointId = 0;
        long processingTime = 0;
        for (long v = 0; v < n; v++) {
            h.processElement(v, v * 10);
            if (v % 5 == 4) {
                h.processWatermark(v * 10 - 5);
            }
            if (v % 7 == 6) {
                processingTime = v * 3;
                h.setProcessingTime(processingTime);
            }
            out.addAll(h.getOutputValues());
            h.clearOutput();
            if (restoreEachTime) {
                OperatorSubtaskStateProto state = h.snapshot(++checkpointId);
                h.close();
                h = spec.subtask(1, 0);
                h.setProcessingTime(processingTime); // the clock goes on across the restore
                h.restoreAndOpen(state, checkpointId);
                out.addAll(h.getOutputValues());
                h.clearOutput();
            }
        }
        h.close();
        return out;
    }

    @Test
    void snapshotAndRestoreBetweenEveryElementChangesNothing() throws Exception {
        List<OperatorSnapshotHarness.Spec<Long, ?>> specs = List.of(
                keyedSpec(new KeyedProcessOperator<>(new TestFunctions.AllStateKinds()), StateBackendSettings.Kind.HASHMAP),
                keyedSpec(new StreamGroupedReduceOperator<>(Long::sum, Types.LONG.createSerializer(new SerializerConfig())),
                        StateBackendSettings.Kind.HASHMAP),
                keyedSpec(new KeyedProcessOperator<>(new TestFunctions.Timers()), StateBackendSettings.Kind.HASHMAP));
        for (OperatorSnapshotHarness.Spec<Long, ?> spec : specs) {
            List<?> expected = stepByStep(spec, 40, false);
            assertThat(expected).isNotEmpty();
            assertThat(stepByStep(spec, 40, true)).as("%s", spec.prototype()).isEqualTo(expected);
        }
    }

    @SuppressWarnings("unchecked")
    private static TestFunctions.BufferingMap function(OperatorSnapshotHarness<Long, Long> h) {
        return (TestFunctions.BufferingMap) ((StreamMap<Long, Long>) h.getOperator()).getUserFunction();
    }
}

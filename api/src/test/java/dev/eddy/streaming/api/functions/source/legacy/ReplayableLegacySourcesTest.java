package dev.eddy.streaming.api.functions.source.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.connector.testing.TestOperatorStateStore;
import dev.eddy.connector.testing.TestSubtask;
import dev.eddy.streaming.api.checkpoint.CheckpointedFunction;
import dev.eddy.streaming.api.operators.StreamSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The collection and sequence sources snapshotted mid-stream (at a mailbox yield, as a checkpoint
 * would be) and restored, also at another parallelism: before + after is the input exactly once.
 * The test calls the function's CheckpointedFunction methods the way the operator does.
 */
@Timeout(60)
class ReplayableLegacySourcesTest {

    @Test
    void collectionSourceSkipsWhatItEmittedBeforeTheCheckpoint() throws Exception {
        List<String> data = IntStream.range(0, 200).mapToObj(i -> "e" + i).collect(Collectors.toList());
        @SuppressWarnings("unchecked")
        TypeSerializer<String> serializer = (TypeSerializer<String>) Types.STRING.createSerializer(null);
        List<String> all = runSnapshotRestore(() -> new FromElementsFunction<>(serializer, data), 1, 1, new int[] {37});
        assertThat(all).containsExactlyElementsOf(data);
    }

    @Test
    void sequenceSourceRestoresItsRemainingRangesAtAnyParallelism() throws Exception {
        List<Long> expected = LongStream.rangeClosed(1, 2000).boxed().collect(Collectors.toList());
        assertThat(runSnapshotRestore(() -> new SequenceSourceFunction(1, 2000), 2, 2, new int[] {300, 501}))
                .containsExactlyInAnyOrderElementsOf(expected).hasSize(2000);
        assertThat(runSnapshotRestore(() -> new SequenceSourceFunction(1, 2000), 2, 3, new int[] {1, 900}))
                .containsExactlyInAnyOrderElementsOf(expected).hasSize(2000);
        assertThat(runSnapshotRestore(() -> new SequenceSourceFunction(1, 2000), 3, 1, new int[] {100, 200, 300}))
                .containsExactlyInAnyOrderElementsOf(expected).hasSize(2000);
    }

    /**
     * Runs old subtasks until each emitted at least {@code snapshotAfter[i]} records, snapshots at
     * that yield and cancels; then runs {@code newParallelism} restored subtasks to the end.
     */
    private static <T, F extends SourceFunction<T> & CheckpointedFunction> List<T> runSnapshotRestore(
            Supplier<F> functions, int oldParallelism, int newParallelism, int[] snapshotAfter) throws Exception {
        List<T> emitted = new ArrayList<>();
        List<TestOperatorStateStore.Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < oldParallelism; i++) {
            F function = functions.get();
            TestOperatorStateStore store = new TestOperatorStateStore();
            TestSubtask<T> subtask = new TestSubtask<>(i, oldParallelism);
            StreamSource<T, F> operator = new StreamSource<>(function);
            operator.setup(subtask.parameters());
            function.initializeState(store.initializationContext());
            operator.open();
            int threshold = snapshotAfter[i];
            List<T> before = new ArrayList<>();
            boolean[] queued = {false};
            // the source thread queues a checkpoint as mail once it emitted the threshold; the task thread runs it
            // under the checkpoint lock, wherever the source thread then is
            subtask.onRecord(() -> {
                if (!queued[0] && subtask.events.size() >= threshold) {
                    queued[0] = true;
                    subtask.addMail(() -> {
                        function.snapshotState(TestOperatorStateStore.snapshotContext(3));
                        snapshots.add(store.snapshot(3));
                        before.addAll(subtask.values());
                        function.cancel();
                        subtask.cancelTask();
                    });
                }
            });
            operator.run(subtask.control());
            operator.close();
            assertThat(before).as("subtask %s was snapshotted mid-stream", i).isNotEmpty();
            emitted.addAll(before);
        }
        for (int i = 0; i < newParallelism; i++) {
            F function = functions.get();
            TestSubtask<T> subtask = new TestSubtask<>(i, newParallelism);
            StreamSource<T, F> operator = new StreamSource<>(function);
            operator.setup(subtask.parameters());
            function.initializeState(TestOperatorStateStore.restore(snapshots, newParallelism, i).initializationContext());
            operator.open();
            operator.run(subtask.control());
            operator.close();
            emitted.addAll(subtask.values());
        }
        return emitted;
    }
}

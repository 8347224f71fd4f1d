package dev.eddy.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.connector.source.Boundedness;
import dev.eddy.connector.testing.SourceRuns;
import dev.eddy.connector.testing.TestSubtask;
import dev.eddy.streaming.api.watermark.Watermark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(20)
class NumberSequenceSourceTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void readsEveryNumberExactlyOnceAcrossSubtasks(int parallelism) throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(-5, 1000);

        List<TestSubtask<Long>> subtasks = SourceRuns.runAll(source, parallelism);

        List<Long> all = SourceRuns.union(subtasks);
        // one split per reader, handed out on request: the first subtask to ask gets the lowest numbers
        assertThat(subtasks.get(0).values()).startsWith(-5L);
        all.sort(null);
        assertThat(all).containsExactlyElementsOf(LongStream.rangeClosed(-5, 1000).boxed().toList());
        for (TestSubtask<Long> subtask : subtasks) {
            assertThat(subtask.values()).as("subtask %d reads ascending", subtask.index).isSorted();
            assertThat(subtask.events.get(subtask.events.size() - 1)).isEqualTo(Watermark.MAX_WATERMARK);
            assertThat(subtask.watermarks()).containsExactly(Watermark.MAX_WATERMARK);
            assertThat(subtask.records()).allSatisfy(r -> assertThat(r.hasTimestamp()).isFalse());
        }
    }

    @Test
    void moreSubtasksThanNumbersLeavesSomeEmptyButAllEnd() throws Exception {
        List<TestSubtask<Long>> subtasks = SourceRuns.runAll(new NumberSequenceSource(7, 8), 3);

        assertThat(SourceRuns.union(subtasks)).containsExactlyInAnyOrder(7L, 8L);
        assertThat(subtasks.get(2).values()).isEmpty();
        assertThat(subtasks.get(2).watermarks()).containsExactly(Watermark.MAX_WATERMARK);
    }

    @Test
    void splitsCoverTheWholeRangeEvenAtTheLongLimits() {
        NumberSequenceSource source = new NumberSequenceSource(Long.MIN_VALUE, Long.MAX_VALUE);
        List<NumberSequenceSource.NumberSequenceSplit> splits = source.splitRange(3);

        assertThat(splits).hasSize(3);
        assertThat(splits.get(0).from()).isEqualTo(Long.MIN_VALUE);
        assertThat(splits.get(2).to()).isEqualTo(Long.MAX_VALUE);
        assertThat(splits.get(1).from()).isEqualTo(splits.get(0).to() + 1);
        assertThat(splits.get(2).from()).isEqualTo(splits.get(1).to() + 1);
    }

    @Test
    void rejectsAnInvertedRange() {
        assertThatThrownBy(() -> new NumberSequenceSource(5, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5").hasMessageContaining("4");
    }

    @Test
    void isBoundedAndItsSerializersRoundTrip() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(0, 9);
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);

        var split = new NumberSequenceSource.NumberSequenceSplit("s1", 3, 9);
        var serializer = source.getSplitSerializer();
        var copy = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
        assertThat(copy.splitId()).isEqualTo("s1");
        assertThat(copy.from()).isEqualTo(3);
        assertThat(copy.to()).isEqualTo(9);

        var checkpointSerializer = source.getEnumeratorCheckpointSerializer();
        Collection<NumberSequenceSource.NumberSequenceSplit> restored = checkpointSerializer.deserialize(
                checkpointSerializer.getVersion(), checkpointSerializer.serialize(new ArrayList<>(List.of(split, split))));
        assertThat(restored).hasSize(2);
        assertThatThrownBy(() -> serializer.deserialize(99, serializer.serialize(split)))
                .hasMessageContaining("version 99");
    }
}

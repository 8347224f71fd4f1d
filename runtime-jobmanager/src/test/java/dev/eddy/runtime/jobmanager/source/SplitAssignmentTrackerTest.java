package dev.eddy.runtime.jobmanager.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitAssignmentTrackerTest {
    @Test
    void onlyAssignmentsAfterTheRestoredCheckpointComeBackOncePerSubtask() {
        SplitAssignmentTracker<String> tracker = new SplitAssignmentTracker<>();
        tracker.recordAssignment(0, List.of("a"));
        tracker.onCheckpoint(1);
        tracker.recordAssignment(0, List.of("b"));
        tracker.recordAssignment(1, List.of("x"));
        tracker.onCheckpoint(2);
        tracker.recordAssignment(0, List.of("c"));

        assertThat(tracker.takeAssignmentsAfter(0, 1)).containsExactly("b", "c");
        assertThat(tracker.takeAssignmentsAfter(0, 1)).isEmpty();
        assertThat(tracker.takeAssignmentsAfter(1, 2)).isEmpty();
        assertThat(tracker.takeAssignmentsAfter(1, -1)).containsExactly("x");
    }

    @Test
    void aCompletedCheckpointForgetsEverythingUpToIt() {
        SplitAssignmentTracker<String> tracker = new SplitAssignmentTracker<>();
        tracker.recordAssignment(0, List.of("a"));
        tracker.onCheckpoint(1);
        tracker.recordAssignment(0, List.of("b"));
        tracker.onCheckpoint(2);
        tracker.onCheckpointComplete(1);

        assertThat(tracker.takeAssignmentsAfter(0, -1)).containsExactly("b");
    }
}

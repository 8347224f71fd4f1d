package dev.eddy.runtime.jobmanager.checkpoint;

import static dev.eddy.runtime.jobmanager.checkpoint.StateHandles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.proto.CheckpointMetadataProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.proto.OperatorStatePartProto.Mode;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.proto.TaskRestoreProto;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateAssignmentTest {
    private static final Path BASE = Path.of("/checkpoints/job/chk-7");

    private static OperatorSubtaskStateProto keyedSubtask(String uid, int p, int index) {
        return OperatorSubtaskStateProto.newBuilder().setOperatorUid(uid)
                .addManagedKeyed(keyed(keyGroups("/s" + index, 128, p, index)))
                .addRawKeyed(keyGroups("/timers" + index, 128, p, index)).build();
    }

    private static List<TaskRestoreProto> assign(CheckpointMetadataProto metadata, int parallelism, boolean allow) {
        StateAssignment.Target target = new StateAssignment.Target("v", "Map", parallelism, 128, List.of("src-uid", "map-uid"));
        Map<String, List<TaskRestoreProto>> result = StateAssignment.assign(metadata, BASE, List.of(target), allow);
        assertThat(result).containsOnlyKeys("v");
        return result.get("v");
    }

    private static List<String> keyedPaths(TaskRestoreProto restore) {
        return restore.getOperators(0).getManagedKeyedList().stream().map(h -> h.getKeyGroups().getPath()).toList();
    }

    private static List<String> rawPaths(TaskRestoreProto restore) {
        return restore.getOperators(0).getRawKeyedList().stream().map(h -> h.getPath()).toList();
    }

    @Test
    void keyedStateRescalesFromTwoToThree() {
        CheckpointMetadataProto m = metadata(7, operator("map-uid", 128, keyedSubtask("map-uid", 2, 0), keyedSubtask("map-uid", 2, 1)));
        List<TaskRestoreProto> restores = assign(m, 3, false);
        assertThat(restores).hasSize(3).allSatisfy(r -> {
            assertThat(r.getCheckpointId()).isEqualTo(7);
            assertThat(r.getBaseDirectory()).isEqualTo(BASE.toString());
            assertThat(r.getOperatorsList()).extracting(OperatorSubtaskStateProto::getOperatorUid).containsExactly("map-uid");
        });
        // new ranges 0-42, 43-85, 86-127 against old 0-63, 64-127
        assertThat(keyedPaths(restores.get(0))).containsExactly("/s0");
        assertThat(keyedPaths(restores.get(1))).containsExactly("/s0", "/s1");
        assertThat(keyedPaths(restores.get(2))).containsExactly("/s1");
        assertThat(rawPaths(restores.get(1))).containsExactly("/timers0", "/timers1");
        assertThat(rawPaths(restores.get(2))).containsExactly("/timers1");
    }

    @Test
    void keyedStateRescalesFromThreeToOne() {
        CheckpointMetadataProto m = metadata(3, operator("map-uid", 128,
                keyedSubtask("map-uid", 3, 0), keyedSubtask("map-uid", 3, 1), keyedSubtask("map-uid", 3, 2)));
        List<TaskRestoreProto> restores = assign(m, 1, false);
        assertThat(restores).hasSize(1);
        assertThat(keyedPaths(restores.get(0))).containsExactly("/s0", "/s1", "/s2");
        assertThat(rawPaths(restores.get(0))).containsExactly("/timers0", "/timers1", "/timers2");
    }

    @Test
    void incrementalHandlesGoWhereTheirRangeOverlaps() {
        OperatorSubtaskStateProto s0 = OperatorSubtaskStateProto.newBuilder().setOperatorUid("map-uid").addManagedKeyed(incremental(0, 63, "/sh/a")).build();
        OperatorSubtaskStateProto s1 = OperatorSubtaskStateProto.newBuilder().setOperatorUid("map-uid").addManagedKeyed(incremental(64, 127, "/sh/b")).build();
        List<TaskRestoreProto> restores = assign(metadata(1, operator("map-uid", 128, s0, s1)), 3, false);
        assertThat(restores.get(0).getOperators(0).getManagedKeyedList()).extracting(KeyedStateHandleProto::getIncremental)
                .extracting(h -> h.getSharedFiles(0)).containsExactly("/sh/a");
        assertThat(restores.get(1).getOperators(0).getManagedKeyedCount()).isEqualTo(2);
        assertThat(restores.get(2).getOperators(0).getManagedKeyedList()).extracting(h -> h.getIncremental().getSharedFiles(0))
                .containsExactly("/sh/b");
    }

    private static OperatorSubtaskStateProto lists(String... split) {
        return OperatorSubtaskStateProto.newBuilder().setOperatorUid("src-uid")
                .addOperatorState(part("offsets", Mode.SPLIT_DISTRIBUTE, split))
                .addOperatorState(part("all", Mode.UNION, split))
                .addOperatorState(part("rules", Mode.BROADCAST, "r-" + String.join("", split)))
                .build();
    }

    private static List<String> elementsOf(TaskRestoreProto r, String name) {
        return r.getOperators(0).getOperatorStateList().stream().filter(p -> p.getName().equals(name)).findFirst()
                .map(StateHandles::elements).orElseThrow();
    }

    @Test
    void operatorListsRedistributeFromTwoToThree() {
        CheckpointMetadataProto m = metadata(2, operator("src-uid", 128, lists("a", "b", "c"), lists("d", "e")));
        List<TaskRestoreProto> r = assign(m, 3, false);
        assertThat(elementsOf(r.get(0), "offsets")).containsExactly("a", "b");
        assertThat(elementsOf(r.get(1), "offsets")).containsExactly("c", "d");
        assertThat(elementsOf(r.get(2), "offsets")).containsExactly("e");
        for (TaskRestoreProto t : r) {
            assertThat(elementsOf(t, "all")).containsExactly("a", "b", "c", "d", "e");
            assertThat(elementsOf(t, "rules")).containsExactly("r-abc");
            assertThat(t.getOperators(0).getManagedKeyedCount()).isZero();
        }
    }

    @Test
    void operatorListsRedistributeFromThreeToOne() {
        CheckpointMetadataProto m = metadata(2, operator("src-uid", 128, lists("a", "b"), lists("c"), lists("d", "e")));
        List<TaskRestoreProto> r = assign(m, 1, false);
        assertThat(elementsOf(r.get(0), "offsets")).containsExactly("a", "b", "c", "d", "e");
        assertThat(elementsOf(r.get(0), "all")).containsExactly("a", "b", "c", "d", "e");
        assertThat(elementsOf(r.get(0), "rules")).containsExactly("r-ab");
    }

    @Test
    void moreSubtasksThanElementsLeavesTheLastOnesEmpty() {
        List<TaskRestoreProto> r = assign(metadata(2, operator("src-uid", 128, lists("a"))), 3, false);
        assertThat(elementsOf(r.get(0), "offsets")).containsExactly("a");
        assertThat(elementsOf(r.get(1), "offsets")).isEmpty();
        assertThat(elementsOf(r.get(2), "offsets")).isEmpty();
    }

    @Test
    void stateOfAMissingUidFailsUnlessAllowed() {
        CheckpointMetadataProto m = metadata(4, operator("map-uid", 128, keyedSubtask("map-uid", 1, 0)),
                operator("gone-uid", 128, lists("x")));
        assertThatThrownBy(() -> assign(m, 1, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Checkpoint 4 has state for operator uid 'gone-uid', which no operator of the job has")
                .hasMessageContaining("allowNonRestoredState");
        List<TaskRestoreProto> r = assign(m, 1, true);
        assertThat(r.get(0).getOperatorsList()).extracting(OperatorSubtaskStateProto::getOperatorUid).containsExactly("map-uid");
    }

    @Test
    void emptyStateOfAMissingUidIsNoError() {
        CheckpointMetadataProto m = metadata(4, operator("stateless", 128,
                OperatorSubtaskStateProto.newBuilder().setOperatorUid("stateless").build()));
        assertThat(assign(m, 2, false)).allSatisfy(r -> assertThat(r.getOperatorsList()).isEmpty());
    }

    @Test
    void aChangedMaxParallelismOfKeyedStateIsAClearError() {
        CheckpointMetadataProto m = metadata(5, operator("map-uid", 256, keyedSubtask("map-uid", 1, 0)));
        assertThatThrownBy(() -> assign(m, 1, false))
                .hasMessageContaining("operator uid 'map-uid' of 'Map'")
                .hasMessageContaining("max parallelism 256 but the job has max parallelism 128");
    }
}

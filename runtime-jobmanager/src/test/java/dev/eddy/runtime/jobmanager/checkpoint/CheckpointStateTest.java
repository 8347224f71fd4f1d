package dev.eddy.runtime.jobmanager.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CheckpointStateTest {
    private static final Map<CheckpointState, Set<CheckpointState>> LEGAL = Map.of(
            CheckpointState.PENDING, EnumSet.of(CheckpointState.COMPLETED, CheckpointState.ABORTED),
            CheckpointState.COMPLETED, EnumSet.noneOf(CheckpointState.class),
            CheckpointState.ABORTED, EnumSet.noneOf(CheckpointState.class));

    @ParameterizedTest
    @EnumSource(CheckpointState.class)
    void transitions(CheckpointState from) {
        for (CheckpointState to : CheckpointState.values()) {
            assertThat(from.canTransitionTo(to)).as(from + " -> " + to).isEqualTo(LEGAL.get(from).contains(to));
        }
        assertThat(from.isTerminal()).isEqualTo(LEGAL.get(from).isEmpty());
    }
}

package dev.eddy.runtime.taskmanager.task;

import static dev.eddy.runtime.taskmanager.task.ExecutionState.CANCELED;
import static dev.eddy.runtime.taskmanager.task.ExecutionState.CANCELING;
import static dev.eddy.runtime.taskmanager.task.ExecutionState.CREATED;
import static dev.eddy.runtime.taskmanager.task.ExecutionState.DEPLOYING;
import static dev.eddy.runtime.taskmanager.task.ExecutionState.FAILED;
import static dev.eddy.runtime.taskmanager.task.ExecutionState.FINISHED;
import static dev.eddy.runtime.taskmanager.task.ExecutionState.INITIALIZING;
import static dev.eddy.runtime.taskmanager.task.ExecutionState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ExecutionStateTest {
    private static final Map<ExecutionState, Set<ExecutionState>> EXPECTED = Map.of(
            CREATED, EnumSet.of(DEPLOYING, CANCELED, FAILED),
            DEPLOYING, EnumSet.of(INITIALIZING, CANCELING, FAILED),
            INITIALIZING, EnumSet.of(RUNNING, CANCELING, FAILED),
            RUNNING, EnumSet.of(FINISHED, CANCELING, FAILED),
            CANCELING, EnumSet.of(CANCELED),
            FINISHED, EnumSet.noneOf(ExecutionState.class),
            CANCELED, EnumSet.noneOf(ExecutionState.class),
            FAILED, EnumSet.noneOf(ExecutionState.class));

    @ParameterizedTest
    @EnumSource(ExecutionState.class)
    void exactlyTheDocumentedTransitionsAreLegal(ExecutionState from) {
        for (ExecutionState to : ExecutionState.values()) {
            assertThat(from.canTransitionTo(to)).as(from + " -> " + to).isEqualTo(EXPECTED.get(from).contains(to));
        }
    }

    @Test
    void createdToDeploying() {
        assertThat(CREATED.canTransitionTo(DEPLOYING)).isTrue();
    }

    @Test
    void deployingToInitializing() {
        assertThat(DEPLOYING.canTransitionTo(INITIALIZING)).isTrue();
    }

    @Test
    void initializingToRunning() {
        assertThat(INITIALIZING.canTransitionTo(RUNNING)).isTrue();
    }

    @Test
    void runningToFinished() {
        assertThat(RUNNING.canTransitionTo(FINISHED)).isTrue();
    }

    @Test
    void activeStatesCanBeCancelled() {
        assertThat(DEPLOYING.canTransitionTo(CANCELING)).isTrue();
        assertThat(INITIALIZING.canTransitionTo(CANCELING)).isTrue();
        assertThat(RUNNING.canTransitionTo(CANCELING)).isTrue();
        assertThat(CANCELING.canTransitionTo(CANCELED)).isTrue();
        assertThat(CREATED.canTransitionTo(CANCELED)).isTrue();
    }

    @Test
    void activeStatesCanFail() {
        assertThat(CREATED.canTransitionTo(FAILED)).isTrue();
        assertThat(DEPLOYING.canTransitionTo(FAILED)).isTrue();
        assertThat(INITIALIZING.canTransitionTo(FAILED)).isTrue();
        assertThat(RUNNING.canTransitionTo(FAILED)).isTrue();
    }

    @Test
    void cancelingNeverFinishesOrFails() {
        assertThat(CANCELING.canTransitionTo(FINISHED)).isFalse();
        assertThat(CANCELING.canTransitionTo(FAILED)).isFalse();
    }

    @Test
    void terminalStatesAreFinal() {
        for (ExecutionState t : EnumSet.of(FINISHED, CANCELED, FAILED)) {
            assertThat(t.isTerminal()).isTrue();
            for (ExecutionState to : ExecutionState.values()) {
                assertThat(t.canTransitionTo(to)).isFalse();
            }
        }
    }

    @Test
    void createdAndCancelingAreNotReported() {
        assertThat(CREATED.isReported()).isFalse();
        assertThat(CANCELING.isReported()).isFalse();
        assertThat(EnumSet.complementOf(EnumSet.of(CREATED, CANCELING))).allMatch(ExecutionState::isReported);
    }
}

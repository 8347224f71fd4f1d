package dev.eddy.runtime.jobmanager.jobmaster;

import static dev.eddy.runtime.jobmanager.jobmaster.ExecutionState.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StateMachinesTest {
    private static final Map<JobState, Set<JobState>> JOB = Map.of(
            JobState.CREATED, EnumSet.of(JobState.RUNNING, JobState.FAILED, JobState.CANCELLING),
            JobState.RUNNING, EnumSet.of(JobState.FINISHED, JobState.FAILING, JobState.CANCELLING, JobState.RESTARTING),
            JobState.RESTARTING, EnumSet.of(JobState.RUNNING, JobState.FAILED, JobState.CANCELLING),
            JobState.FAILING, EnumSet.of(JobState.FAILED),
            JobState.CANCELLING, EnumSet.of(JobState.CANCELED, JobState.FINISHED),
            JobState.FAILED, EnumSet.noneOf(JobState.class),
            JobState.CANCELED, EnumSet.noneOf(JobState.class),
            JobState.FINISHED, EnumSet.noneOf(JobState.class));

    private static final Map<ExecutionState, Set<ExecutionState>> EXECUTION = Map.of(
            CREATED, EnumSet.of(SCHEDULED, CANCELED, FAILED),
            SCHEDULED, EnumSet.of(DEPLOYING, CANCELED, FAILED),
            DEPLOYING, EnumSet.of(INITIALIZING, RUNNING, FINISHED, CANCELING, CANCELED, FAILED),
            INITIALIZING, EnumSet.of(RUNNING, FINISHED, CANCELING, CANCELED, FAILED),
            RUNNING, EnumSet.of(FINISHED, CANCELING, CANCELED, FAILED),
            CANCELING, EnumSet.of(CANCELED, FINISHED, FAILED),
            FINISHED, EnumSet.noneOf(ExecutionState.class),
            CANCELED, EnumSet.noneOf(ExecutionState.class),
            FAILED, EnumSet.noneOf(ExecutionState.class));

    @ParameterizedTest
    @EnumSource(JobState.class)
    void jobTransitions(JobState from) {
        for (JobState to : JobState.values()) {
            assertThat(from.canTransitionTo(to)).as(from + " -> " + to).isEqualTo(JOB.get(from).contains(to));
        }
        assertThat(from.isTerminal()).isEqualTo(JOB.get(from).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(ExecutionState.class)
    void executionTransitions(ExecutionState from) {
        for (ExecutionState to : ExecutionState.values()) {
            assertThat(from.canTransitionTo(to)).as(from + " -> " + to).isEqualTo(EXECUTION.get(from).contains(to));
        }
        assertThat(from.isTerminal()).isEqualTo(EXECUTION.get(from).isEmpty());
    }
}

package dev.eddy.runtime.jobmanager.jobmaster;

import dev.eddy.proto.JobVertexProto;
import dev.eddy.runtime.jobmanager.resourcemanager.AllocatedSlot;
import java.util.UUID;

/** One execution attempt of one subtask. Mutable; confined to its JobMaster's thread. */
public final class Execution {
    private final JobVertexProto vertex;
    private final int subtaskIndex;
    private final int attemptNumber;
    private final String attemptId;
    private ExecutionState state = ExecutionState.CREATED;
    private AllocatedSlot slot;
    private String failure = "";

    Execution(JobVertexProto vertex, int subtaskIndex, int attemptNumber) {
        this.vertex = vertex;
        this.subtaskIndex = subtaskIndex;
        this.attemptNumber = attemptNumber;
        this.attemptId = UUID.randomUUID().toString().replace("-", "");
    }

    public JobVertexProto vertex() {
        return vertex;
    }

    public int subtaskIndex() {
        return subtaskIndex;
    }

    public int attemptNumber() {
        return attemptNumber;
    }

    public String attemptId() {
        return attemptId;
    }

    public ExecutionState state() {
        return state;
    }

    public AllocatedSlot slot() {
        return slot;
    }

    public String failure() {
        return failure;
    }

    /** "Map (2/4)". */
    public String taskNameWithSubtask() {
        return vertex.getName() + " (" + (subtaskIndex + 1) + "/" + vertex.getParallelism() + ")";
    }

    void assign(AllocatedSlot slot) {
        transitionTo(ExecutionState.SCHEDULED);
        this.slot = slot;
    }

    /** Moves to {@code target}; returns false (and changes nothing) when the transition is illegal. */
    boolean tryTransitionTo(ExecutionState target) {
        if (!state.canTransitionTo(target)) {
            return false;
        }
        state = target;
        return true;
    }

    void transitionTo(ExecutionState target) {
        if (!tryTransitionTo(target)) {
            throw new IllegalStateException("Illegal transition of " + taskNameWithSubtask() + " from " + state + " to " + target);
        }
    }

    void fail(String failureText) {
        if (tryTransitionTo(ExecutionState.FAILED)) {
            this.failure = failureText == null ? "" : failureText;
        }
    }
}

package dev.eddy.runtime.taskmanager.testutil;

import dev.eddy.proto.DeclineCheckpointRequest;
import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.proto.Ack;
import dev.eddy.proto.TaskExecutionStateProto;
import dev.eddy.runtime.gateway.JobMasterGateway;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Records every state update; always acknowledges. */
public final class FakeJobMasterGateway implements JobMasterGateway {
    public final List<TaskExecutionStateProto> updates = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Ack> updateTaskExecutionState(TaskExecutionStateProto state) {
        updates.add(state);
        return CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).build());
    }

    public final List<AcknowledgeCheckpointRequest> acks = new CopyOnWriteArrayList<>();
    public final List<DeclineCheckpointRequest> declines = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Ack> acknowledgeCheckpoint(AcknowledgeCheckpointRequest request) {
        acks.add(request);
        return CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).build());
    }

    @Override
    public CompletableFuture<Ack> declineCheckpoint(DeclineCheckpointRequest request) {
        declines.add(request);
        return CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).build());
    }

    public List<String> statesOf(String attemptId) {
        return updates.stream().filter(u -> u.getExecutionAttemptId().equals(attemptId)).map(TaskExecutionStateProto::getState)
                .collect(Collectors.toList());
    }

    public TaskExecutionStateProto last(String attemptId) {
        TaskExecutionStateProto last = null;
        for (TaskExecutionStateProto u : updates) {
            if (u.getExecutionAttemptId().equals(attemptId)) {
                last = u;
            }
        }
        return last;
    }
}

package dev.eddy.runtime.jobmanager.checkpoint;

import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.proto.CheckpointMetadataProto;
import dev.eddy.proto.OperatorCoordinatorStateProto;
import dev.eddy.proto.CheckpointOptionsProto;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.proto.OperatorStateProto;
import dev.eddy.proto.OperatorSubtaskStateProto;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A triggered checkpoint waiting for the acknowledgements of every execution attempt that was
 * running when it was triggered. Collects each acknowledged subtask's state by operator uid and
 * subtask index. Mutable; confined to the JobMaster's thread.
 */
public final class PendingCheckpoint {
    /** An execution attempt that must acknowledge, and where its state goes. */
    public record TaskRef(String attemptId, JobVertexProto vertex, int subtaskIndex, String rpcAddress) {}

    /** What an acknowledgement did. */
    public enum AckResult { ACCEPTED, DUPLICATE, UNKNOWN_TASK }

    private final long checkpointId;
    private final long timestamp;
    private final CheckpointOptionsProto options;
    private final Path directory;
    private final Map<String, TaskRef> tasks = new LinkedHashMap<>();
    private final Set<String> notYetAcknowledged;
    private final Map<String, OperatorSubtaskStateProto[]> states = new LinkedHashMap<>();
    private final Map<String, JobVertexProto> vertexOfUid = new HashMap<>();
    private final CompletableFuture<CompletedCheckpoint> completion = new CompletableFuture<>();
    private List<OperatorCoordinatorStateProto> coordinatorStates = List.of();
    private long bytesWritten;
    private long maxAlignmentMillis;
    private ScheduledFuture<?> timeout;
    private CheckpointState state = CheckpointState.PENDING;

    public PendingCheckpoint(long checkpointId, long timestamp, CheckpointOptionsProto options, Path directory, List<TaskRef> tasksToAck) {
        this.checkpointId = checkpointId;
        this.timestamp = timestamp;
        this.options = options;
        this.directory = directory;
        for (TaskRef t : tasksToAck) {
            tasks.put(t.attemptId(), t);
            for (String uid : t.vertex().getOperatorUidsList()) {
                vertexOfUid.put(uid, t.vertex());
            }
        }
        this.notYetAcknowledged = new java.util.HashSet<>(tasks.keySet());
    }

    public long checkpointId() {
        return checkpointId;
    }

    public long timestamp() {
        return timestamp;
    }

    public CheckpointOptionsProto options() {
        return options;
    }

    public boolean isSavepoint() {
        return options.getSavepoint();
    }

    /** The checkpoint's own directory (chk-n or the savepoint directory). */
    public Path directory() {
        return directory;
    }

    /** Every task of the checkpoint, in trigger order. */
    public List<TaskRef> tasks() {
        return List.copyOf(tasks.values());
    }

    public CompletableFuture<CompletedCheckpoint> completion() {
        return completion;
    }

    public CheckpointState state() {
        return state;
    }

    /** Moves to {@code target} (COMPLETED or ABORTED). */
    void transitionTo(CheckpointState target) {
        if (!state.canTransitionTo(target)) {
            throw new IllegalStateException("Illegal transition of checkpoint " + checkpointId + " from " + state + " to " + target);
        }
        state = target;
    }

    void setTimeout(ScheduledFuture<?> timeout) {
        this.timeout = timeout;
    }

    void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    public int numberOfPendingAcks() {
        return notYetAcknowledged.size();
    }

    public boolean isFullyAcknowledged() {
        return notYetAcknowledged.isEmpty();
    }

    /** Whether this attempt still has to acknowledge. */
    public boolean isAwaiting(String attemptId) {
        return notYetAcknowledged.contains(attemptId);
    }

    public boolean involves(String attemptId) {
        return tasks.containsKey(attemptId);
    }

    /** Records one task's acknowledgement and its operators' state. */
    public AckResult acknowledge(AcknowledgeCheckpointRequest ack) {
        if (state != CheckpointState.PENDING) {
            throw new IllegalStateException("Checkpoint " + checkpointId + " is " + state + "; it takes no acknowledgements");
        }
        TaskRef task = tasks.get(ack.getExecutionAttemptId());
        if (task == null) {
            return AckResult.UNKNOWN_TASK;
        }
        if (!notYetAcknowledged.remove(ack.getExecutionAttemptId())) {
            return AckResult.DUPLICATE;
        }
        bytesWritten += ack.getBytesWritten();
        maxAlignmentMillis = Math.max(maxAlignmentMillis, ack.getAlignmentDurationMillis());
        for (OperatorSubtaskStateProto s : ack.getState().getOperatorsList()) {
            String uid = s.getOperatorUid();
            vertexOfUid.putIfAbsent(uid, task.vertex());
            OperatorSubtaskStateProto[] perSubtask = states.computeIfAbsent(uid,
                    u -> new OperatorSubtaskStateProto[task.vertex().getParallelism()]);
            if (task.subtaskIndex() < perSubtask.length) {
                perSubtask[task.subtaskIndex()] = s;
            }
        }
        return AckResult.ACCEPTED;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    public long maxAlignmentMillis() {
        return maxAlignmentMillis;
    }

    /** The metadata of this checkpoint (absolute paths), one entry per operator uid that reported state. */
    /** The operator coordinators' (split enumerators') states, taken before the sources were triggered. */
    public void setCoordinatorStates(List<OperatorCoordinatorStateProto> states) {
        this.coordinatorStates = List.copyOf(states);
    }

    public CheckpointMetadataProto toMetadata(String jobId) {
        CheckpointMetadataProto.Builder b = CheckpointMetadataProto.newBuilder()
                .setFormatVersion(MetadataIO.FORMAT_VERSION)
                .setJobId(jobId)
                .setCheckpointId(checkpointId)
                .setTimestamp(timestamp)
                .setSavepoint(isSavepoint());
        for (Map.Entry<String, OperatorSubtaskStateProto[]> e : states.entrySet()) {
            JobVertexProto vertex = vertexOfUid.get(e.getKey());
            OperatorStateProto.Builder op = OperatorStateProto.newBuilder()
                    .setOperatorUid(e.getKey())
                    .setParallelism(vertex.getParallelism())
                    .setMaxParallelism(vertex.getMaxParallelism());
            for (int i = 0; i < e.getValue().length; i++) {
                OperatorSubtaskStateProto s = e.getValue()[i];
                op.addSubtasks(s != null ? s : OperatorSubtaskStateProto.newBuilder().setOperatorUid(e.getKey()).build());
            }
            b.addOperators(op);
        }
        b.addAllCoordinatorStates(coordinatorStates);
        return b.build();
    }
}

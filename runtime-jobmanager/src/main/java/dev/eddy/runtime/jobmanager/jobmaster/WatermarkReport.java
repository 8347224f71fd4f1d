package dev.eddy.runtime.jobmanager.jobmaster;

import dev.eddy.proto.ChannelWatermarkProto;
import dev.eddy.proto.InputWatermarkProto;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.proto.JobWatermarksProto;
import dev.eddy.proto.SubtaskWatermarksProto;
import dev.eddy.proto.TaskWatermarksProto;
import dev.eddy.proto.TaskWatermarksRequest;
import dev.eddy.proto.TaskWatermarksResponse;
import dev.eddy.proto.VertexWatermarksProto;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the event-time progress of a job's subtasks from their TaskExecutors and names the
 * channels after the upstream subtasks that feed them. {@link #start} runs on the JobMaster's
 * executor and copies what it needs from the execution graph; the answers are combined on
 * whatever thread completes the last call (only the copied, immutable data is touched there).
 */
final class WatermarkReport {
    private static final Logger LOG = LoggerFactory.getLogger(WatermarkReport.class);

    private record SubtaskRef(String vertexId, int subtaskIndex, String attemptId, String state, String rpcAddress) {}

    private WatermarkReport() {}

    /** JobMaster executor only: snapshots the graph and asks every TaskExecutor with deployed subtasks. */
    static CompletableFuture<JobWatermarksProto> start(String jobId, String jobState, ExecutionGraph graph,
            Function<String, TaskExecutorGateway> taskExecutors) {
        List<JobVertexProto> vertices = new ArrayList<>(graph.vertices());
        Map<String, List<SubtaskRef>> byVertex = new LinkedHashMap<>();
        Map<String, String> namesByAttempt = new HashMap<>();
        Map<String, List<String>> attemptsByAddress = new LinkedHashMap<>();
        for (JobVertexProto v : vertices) {
            List<SubtaskRef> refs = new ArrayList<>();
            for (Execution e : graph.executionsOf(v.getId())) {
                String address = e.slot() == null ? null : e.slot().rpcAddress();
                refs.add(new SubtaskRef(v.getId(), e.subtaskIndex(), e.attemptId(), e.state().name(), address));
                namesByAttempt.put(e.attemptId(), e.taskNameWithSubtask());
                if (address != null && !e.state().name().equals("CREATED") && !e.state().name().equals("SCHEDULED")) {
                    attemptsByAddress.computeIfAbsent(address, a -> new ArrayList<>()).add(e.attemptId());
                }
            }
            byVertex.put(v.getId(), refs);
        }
        List<CompletableFuture<TaskWatermarksResponse>> calls = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : attemptsByAddress.entrySet()) {
            TaskWatermarksRequest request = TaskWatermarksRequest.newBuilder().addAllExecutionAttemptIds(entry.getValue()).build();
            calls.add(taskExecutors.apply(entry.getKey()).requestTaskWatermarks(request).handle((r, err) -> {
                if (err != null) {
                    LOG.debug("Could not get watermarks of job {} from TaskExecutor {}: {}", jobId, entry.getKey(), err.toString());
                    return TaskWatermarksResponse.getDefaultInstance();
                }
                return r;
            }));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, TaskWatermarksProto> byAttempt = new HashMap<>();
            for (CompletableFuture<TaskWatermarksResponse> c : calls) {
                for (TaskWatermarksProto t : c.join().getTasksList()) {
                    byAttempt.put(t.getExecutionAttemptId(), t);
                }
            }
            return build(jobId, jobState, vertices, byVertex, byAttempt, namesByAttempt);
        });
    }

    private static JobWatermarksProto build(String jobId, String jobState, List<JobVertexProto> vertices,
            Map<String, List<SubtaskRef>> byVertex, Map<String, TaskWatermarksProto> byAttempt, Map<String, String> namesByAttempt) {
        JobWatermarksProto.Builder job = JobWatermarksProto.newBuilder().setJobId(jobId).setState(jobState);
        for (JobVertexProto v : vertices) {
            VertexWatermarksProto.Builder vb = VertexWatermarksProto.newBuilder()
                    .setVertexId(v.getId()).setName(v.getName()).setParallelism(v.getParallelism());
            for (SubtaskRef ref : byVertex.get(v.getId())) {
                SubtaskWatermarksProto.Builder sb = SubtaskWatermarksProto.newBuilder()
                        .setSubtaskIndex(ref.subtaskIndex()).setState(ref.state());
                TaskWatermarksProto reported = byAttempt.get(ref.attemptId());
                if (reported != null && reported.getFound()) {
                    sb.setReported(true);
                    for (InputWatermarkProto input : reported.getInputsList()) {
                        sb.addInputs(renameChannels(input, namesByAttempt));
                    }
                }
                vb.addSubtasks(sb);
            }
            job.addVertices(vb);
        }
        return job.build();
    }

    /** "{@code <attemptId>-<edge>#<subpartition>}" becomes the producing subtask's name. */
    private static InputWatermarkProto renameChannels(InputWatermarkProto input, Map<String, String> namesByAttempt) {
        InputWatermarkProto.Builder b = input.toBuilder().clearChannels();
        for (ChannelWatermarkProto c : input.getChannelsList()) {
            b.addChannels(c.toBuilder().setChannel(channelName(c.getChannel(), namesByAttempt)));
        }
        return b.build();
    }

    static String channelName(String raw, Map<String, String> namesByAttempt) {
        int hash = raw.lastIndexOf('#');
        String partition = hash < 0 ? raw : raw.substring(0, hash);
        int dash = partition.lastIndexOf('-');
        String attempt = dash < 0 ? partition : partition.substring(0, dash);
        String name = namesByAttempt.get(attempt);
        return name == null ? raw : name;
    }
}

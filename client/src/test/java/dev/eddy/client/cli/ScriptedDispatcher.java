package dev.eddy.client.cli;

import dev.eddy.client.deployment.DispatcherConnection;
import dev.eddy.client.deployment.DispatcherConnector;
import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.runtime.gateway.DispatcherGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A hand-written dispatcher holding jobs in a map, or failing every call with {@code failure}. */
final class ScriptedDispatcher implements DispatcherGateway, DispatcherConnector {
    final Map<String, JobStatusProto> jobs = new LinkedHashMap<>();
    final List<String> cancelled = new ArrayList<>();
    final List<String> connectedTo = new ArrayList<>();
    final Map<String, dev.eddy.proto.JobWatermarksProto> watermarks = new LinkedHashMap<>();
    Throwable failure;

    @Override
    public DispatcherConnection connect(String hostAndPort) {
        connectedTo.add(hostAndPort);
        ScriptedDispatcher self = this;
        return new DispatcherConnection() {
            @Override
            public DispatcherGateway gateway() {
                return self;
            }

            @Override
            public String address() {
                return hostAndPort;
            }

            @Override
            public void close() {}
        };
    }

    private <T> CompletableFuture<T> answer(T value) {
        return failure != null ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(value);
    }

    @Override
    public CompletableFuture<List<JobStatusProto>> listJobs() {
        return answer(List.copyOf(jobs.values()));
    }

    @Override
    public CompletableFuture<JobStatusProto> getJobStatus(String jobId) {
        if (failure == null && !jobs.containsKey(jobId)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("There is no job with id " + jobId + "."));
        }
        return answer(jobs.get(jobId));
    }

    @Override
    public CompletableFuture<dev.eddy.proto.JobWatermarksProto> getJobWatermarks(String jobId) {
        dev.eddy.proto.JobWatermarksProto w = watermarks.get(jobId);
        return w == null ? DispatcherGateway.super.getJobWatermarks(jobId) : answer(w);
    }

    @Override
    public CompletableFuture<String> cancelJob(String jobId) {
        cancelled.add(jobId);
        return answer("CANCELLING");
    }

    @Override
    public CompletableFuture<String> uploadJar(Path jar) {
        return answer("0".repeat(64));
    }

    @Override
    public CompletableFuture<String> submitJob(JobGraphProto jobGraph) {
        return answer(jobGraph.getJobId());
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String jobId, String targetDirectory, boolean stop) {
        savepoints.add(jobId + " '" + targetDirectory + "' " + (stop ? "stop" : "keep"));
        if (!jobs.containsKey(jobId)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("There is no job with id " + jobId + "."));
        }
        return answer((targetDirectory.isEmpty() ? "/default-sp" : targetDirectory) + "/savepoint-" + jobId.substring(0, 6) + "-abc");
    }

    /** Savepoint requests: "jobId 'dir' stop|keep". */
    final java.util.List<String> savepoints = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<ClusterOverview> getClusterOverview() {
        return answer(ClusterOverview.getDefaultInstance());
    }
}

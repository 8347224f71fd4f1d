package dev.eddy.runtime.jobclient;

import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.runtime.gateway.DispatcherGateway;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers status requests from a scripted queue; the last answer repeats. Thread-safe. */
final class FakeDispatcherGateway implements DispatcherGateway {
    private final Deque<Object> answers = new ArrayDeque<>();
    final AtomicInteger statusRequests = new AtomicInteger();
    final List<String> cancelled = new ArrayList<>();

    /** Next answers: a JobStatusProto or a Throwable (a failed request). */
    synchronized FakeDispatcherGateway then(Object... next) {
        answers.addAll(List.of(next));
        return this;
    }

    static JobStatusProto status(String jobId, String state, String failure) {
        return JobStatusProto.newBuilder().setJobId(jobId).setJobName("job").setState(state)
                .setStartTimeMillis(1000).setEndTimeMillis(state.equals("RUNNING") ? 0 : 1500).setFailure(failure).build();
    }

    @Override
    public synchronized CompletableFuture<JobStatusProto> getJobStatus(String jobId) {
        statusRequests.incrementAndGet();
        Object next = answers.size() > 1 ? answers.poll() : answers.peek();
        if (next instanceof Throwable) {
            return CompletableFuture.failedFuture((Throwable) next);
        }
        return CompletableFuture.completedFuture((JobStatusProto) next);
    }

    @Override
    public synchronized CompletableFuture<String> cancelJob(String jobId) {
        cancelled.add(jobId);
        return CompletableFuture.completedFuture("CANCELLING");
    }

    @Override
    public CompletableFuture<String> uploadJar(Path jar) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<String> submitJob(JobGraphProto jobGraph) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<List<JobStatusProto>> listJobs() {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String jobId, String targetDirectory, boolean stop) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("savepoints not scripted in this fake"));
    }

    @Override
    public CompletableFuture<ClusterOverview> getClusterOverview() {
        throw new UnsupportedOperationException();
    }
}

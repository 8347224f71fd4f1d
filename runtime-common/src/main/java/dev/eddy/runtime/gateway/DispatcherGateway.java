package dev.eddy.runtime.gateway;

import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobStatusProto;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Client → JobManager. Implemented by the Dispatcher; a gRPC adapter sits in front of it on the
 * JobManager side and another implements it on the client side. All methods are thread-safe and
 * never block: failures complete the future exceptionally with a message meant for the user.
 */
public interface DispatcherGateway {
    /** Uploads a jar in chunks; completes with its SHA-256 (hex). Fails if larger than the size limit. */
    CompletableFuture<String> uploadJar(Path jar);

    /** Accepts a job; completes with its id (32 hex) once it is scheduled, not when it ends. */
    CompletableFuture<String> submitJob(JobGraphProto jobGraph);

    CompletableFuture<List<JobStatusProto>> listJobs();

    /** Fails with a "no job with id ..." message for an unknown id. */
    CompletableFuture<JobStatusProto> getJobStatus(String jobId);

    /**
     * Event-time diagnostics of a job: for every subtask the watermark of each input, whether it is
     * idle, and the channels (upstream subtasks) or source splits it consists of, as the
     * TaskManagers report them now. Fails with a "no job with id ..." message for an unknown id.
     * The default fails (gateways that predate it).
     */
    default CompletableFuture<dev.eddy.proto.JobWatermarksProto> getJobWatermarks(String jobId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "This JobManager does not report watermarks (" + getClass().getSimpleName() + ")"));
    }

    /** Starts cancelling; completes with the state at that moment (CANCELLING or the terminal one). */
    CompletableFuture<String> cancelJob(String jobId);

    CompletableFuture<ClusterOverview> getClusterOverview();

    /**
     * Takes a savepoint of a running job into {@code targetDirectory} (empty: the configured
     * savepoint dir); with {@code stop} the job then finishes (stop-with-savepoint). Completes with
     * the savepoint's directory; fails with a message if the job is not running or has no directory.
     */
    CompletableFuture<String> triggerSavepoint(String jobId, String targetDirectory, boolean stop);
}

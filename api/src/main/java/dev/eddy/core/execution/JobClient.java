package dev.eddy.core.execution;

import dev.eddy.api.common.JobExecutionResult;
import dev.eddy.api.common.JobID;
import dev.eddy.api.common.JobStatus;
import java.util.concurrent.CompletableFuture;

/** A handle on a submitted job. Thread-safe. */
public interface JobClient {
    JobID getJobID();

    CompletableFuture<JobStatus> getJobStatus();

    CompletableFuture<Void> cancel();

    /**
     * Completes when the job ends: normally when FINISHED, exceptionally with a
     * {@code JobExecutionException} (message with the job id and the failure, cause the user's
     * exception where it could be rebuilt) when FAILED or CANCELED.
     */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}

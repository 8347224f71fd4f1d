package dev.eddy.runtime.jobclient;

import dev.eddy.api.common.JobExecutionResult;
import dev.eddy.api.common.JobID;
import dev.eddy.api.common.JobStatus;
import dev.eddy.core.execution.JobClient;
import dev.eddy.core.execution.JobExecutionException;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.runtime.gateway.DispatcherGateway;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobClient} for a job accepted by a {@link DispatcherGateway}: used by the remote executor
 * (gateway over gRPC to a JobManager) and by the local executor (gateway to an embedded mini-cluster).
 *
 * <p>Polling starts at construction: every {@code pollInterval} the job's status is fetched on a
 * shared daemon thread ("eddy-job-status-poller") until the job reaches a globally terminal state.
 * Then {@code onTermination} runs exactly once (the owner releases its channel or mini-cluster
 * there) and only after it the result future completes: normally on FINISHED, exceptionally with a
 * {@link JobExecutionException} whose message carries the remote failure text on FAILED/CANCELED.
 * After {@code maxConsecutivePollFailures} failed polls in a row the result fails too.
 *
 * <p>All methods are thread-safe and non-blocking. {@link #close()} stops polling and releases the
 * resources without waiting for the job; the result future then fails.
 */
public final class DispatcherJobClient implements JobClient, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DispatcherJobClient.class);
    private static final ScheduledExecutorService POLLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "eddy-job-status-poller");
        t.setDaemon(true);
        return t;
    });

    /** Default interval between two status requests. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);
    /** Default number of failed status requests in a row after which the client gives up (about 10 s). */
    public static final int DEFAULT_MAX_POLL_FAILURES = 50;

    private final JobID jobId;
    private final DispatcherGateway gateway;
    private final Duration pollInterval;
    private final int maxConsecutivePollFailures;
    private final Runnable onTermination;
    private final long createdMillis = System.currentTimeMillis();
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile JobStatusProto terminalStatus;
    private volatile boolean closed;
    private int consecutiveFailures; // poller thread only

    public DispatcherJobClient(JobID jobId, DispatcherGateway gateway, Runnable onTermination) {
        this(jobId, gateway, DEFAULT_POLL_INTERVAL, DEFAULT_MAX_POLL_FAILURES, onTermination);
    }

    public DispatcherJobClient(JobID jobId, DispatcherGateway gateway, Duration pollInterval, int maxConsecutivePollFailures,
            Runnable onTermination) {
        this.jobId = jobId;
        this.gateway = gateway;
        this.pollInterval = pollInterval;
        this.maxConsecutivePollFailures = maxConsecutivePollFailures;
        this.onTermination = onTermination == null ? () -> {} : onTermination;
        POLLER.execute(this::poll);
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        JobStatusProto terminal = terminalStatus;
        if (terminal != null) {
            return CompletableFuture.completedFuture(toJobStatus(terminal));
        }
        return gateway.getJobStatus(jobId.toHexString()).thenApply(DispatcherJobClient::toJobStatus);
    }

    @Override
    public CompletableFuture<Void> cancel() {
        if (terminalStatus != null) {
            return CompletableFuture.completedFuture(null);
        }
        return gateway.cancelJob(jobId.toHexString()).thenApply(state -> null);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return result;
    }

    /** Stops polling and releases the owner's resources; the result fails if the job had not ended. */
    @Override
    public void close() {
        closed = true;
        release();
        result.completeExceptionally(new JobExecutionException(jobId,
                "Stopped waiting for job " + jobId + ": its client was closed before the job ended.", null));
    }

    /** Maps the proto's state text to {@link JobStatus}. */
    public static JobStatus toJobStatus(JobStatusProto status) {
        try {
            return JobStatus.valueOf(status.getState());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("JobManager reported an unknown job state '" + status.getState()
                    + "' for job " + status.getJobId(), e);
        }
    }

    private void poll() {
        if (closed) {
            return;
        }
        CompletableFuture<JobStatusProto> f;
        try {
            f = gateway.getJobStatus(jobId.toHexString());
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenCompleteAsync(this::onStatus, POLLER);
    }

    private void onStatus(JobStatusProto status, Throwable error) {
        if (closed) {
            return;
        }
        if (error != null) {
            consecutiveFailures++;
            if (consecutiveFailures >= maxConsecutivePollFailures) {
                release();
                Throwable cause = unwrap(error);
                result.completeExceptionally(new JobExecutionException(jobId, "Lost track of job " + jobId + " after "
                        + consecutiveFailures + " failed status requests: " + cause.getMessage(), cause));
                return;
            }
            LOG.debug("Status request for job {} failed ({} in a row)", jobId, consecutiveFailures, error);
        } else {
            consecutiveFailures = 0;
            JobStatus state;
            try {
                state = toJobStatus(status);
            } catch (IllegalStateException e) {
                release();
                result.completeExceptionally(new JobExecutionException(jobId, e.getMessage(), e));
                return;
            }
            if (state.isGloballyTerminalState()) {
                terminalStatus = status;
                release();
                complete(state, status);
                return;
            }
        }
        POLLER.schedule(this::poll, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void complete(JobStatus state, JobStatusProto status) {
        if (state == JobStatus.FINISHED) {
            long start = status.getStartTimeMillis() > 0 ? status.getStartTimeMillis() : createdMillis;
            long end = status.getEndTimeMillis() > 0 ? status.getEndTimeMillis() : System.currentTimeMillis();
            result.complete(new JobExecutionResult(jobId, Math.max(0, end - start)));
            return;
        }
        String failure = status.getFailure().isBlank() ? "" : ": " + status.getFailure();
        String what = state == JobStatus.CANCELED ? "was canceled" : "failed";
        result.completeExceptionally(new JobExecutionException(jobId, "Job " + jobId + " " + what + failure, null));
    }

    private void release() {
        if (released.compareAndSet(false, true)) {
            try {
                onTermination.run();
            } catch (RuntimeException e) {
                LOG.warn("Releasing the resources of job {} failed", jobId, e);
            }
        }
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

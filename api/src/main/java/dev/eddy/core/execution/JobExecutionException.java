package dev.eddy.core.execution;

import dev.eddy.api.common.JobID;

/** A job ended FAILED or CANCELED. The message includes the remote failure text with stack trace. */
public class JobExecutionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final JobID jobId;

    public JobExecutionException(JobID jobId, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
    }

    public JobID getJobId() {
        return jobId;
    }
}

package dev.eddy.api.common;

import java.util.concurrent.TimeUnit;

/** The outcome of a job that finished. */
public class JobExecutionResult {
    private final JobID jobId;
    private final long netRuntimeMillis;

    public JobExecutionResult(JobID jobId, long netRuntimeMillis) {
        this.jobId = jobId;
        this.netRuntimeMillis = netRuntimeMillis;
    }

    public JobID getJobID() {
        return jobId;
    }

    public long getNetRuntime() {
        return netRuntimeMillis;
    }

    public long getNetRuntime(TimeUnit unit) {
        return unit.convert(netRuntimeMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "JobExecutionResult{jobId=" + jobId + ", netRuntime=" + netRuntimeMillis + " ms}";
    }
}

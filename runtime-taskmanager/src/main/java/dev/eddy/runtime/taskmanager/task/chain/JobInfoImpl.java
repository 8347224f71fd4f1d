package dev.eddy.runtime.taskmanager.task.chain;

import dev.eddy.api.common.JobID;
import dev.eddy.api.common.JobInfo;

/** Immutable facts about the job. */
public record JobInfoImpl(JobID jobId, String jobName) implements JobInfo {
    @Override
    public JobID getJobId() {
        return jobId;
    }

    @Override
    public String getJobName() {
        return jobName;
    }
}

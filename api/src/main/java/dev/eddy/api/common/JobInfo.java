package dev.eddy.api.common;

/** Facts about the running job. */
public interface JobInfo {
    JobID getJobId();

    String getJobName();
}

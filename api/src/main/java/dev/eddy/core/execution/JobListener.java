package dev.eddy.core.execution;

import dev.eddy.api.common.JobExecutionResult;

/** Told about job submission and completion by the environment; called on the thread that runs execute(). */
public interface JobListener {
    /** After submission: exactly one of the arguments is non-null. */
    void onJobSubmitted(JobClient jobClient, Throwable throwable);

    /** After an attached execution ends: exactly one of the arguments is non-null. */
    void onJobExecuted(JobExecutionResult result, Throwable throwable);
}

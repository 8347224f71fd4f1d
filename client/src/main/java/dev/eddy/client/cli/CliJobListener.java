package dev.eddy.client.cli;

import dev.eddy.api.common.JobExecutionResult;
import dev.eddy.core.execution.JobClient;
import dev.eddy.core.execution.JobListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Registered as a context job listener for one {@code eddy run}: prints Flink's "Job has been
 * submitted" line at once and remembers how each attached execution ended. Called on the thread
 * that runs the job's {@code execute()} (the CLI's main thread, or one the job started); after the
 * run it is deactivated, so a listener left behind in a long-lived JVM stays silent.
 */
final class CliJobListener implements JobListener {
    private final PrintStream out;
    private final List<JobExecutionResult> results = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private int submitted;
    private volatile boolean active = true;

    CliJobListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onJobSubmitted(JobClient jobClient, Throwable throwable) {
        if (!active) {
            return;
        }
        if (jobClient != null) {
            submitted++;
            out.println("Job has been submitted with JobID " + jobClient.getJobID());
            out.flush();
        }
    }

    @Override
    public synchronized void onJobExecuted(JobExecutionResult result, Throwable throwable) {
        if (!active) {
            return;
        }
        if (result != null) {
            results.add(result);
        } else if (throwable != null) {
            failures.add(throwable);
        }
    }

    synchronized void deactivate() {
        active = false;
    }

    synchronized int submittedJobs() {
        return submitted;
    }

    synchronized List<JobExecutionResult> results() {
        return List.copyOf(results);
    }

    synchronized List<Throwable> failures() {
        return List.copyOf(failures);
    }
}

package dev.eddy.streaming.api.environment;

import dev.eddy.api.common.JobExecutionResult;
import dev.eddy.api.common.JobID;
import dev.eddy.api.common.JobStatus;
import dev.eddy.api.dag.Pipeline;
import dev.eddy.configuration.Configuration;
import dev.eddy.core.execution.JobClient;
import dev.eddy.core.execution.JobExecutionException;
import dev.eddy.core.execution.PipelineExecutor;
import dev.eddy.core.execution.PipelineExecutorFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test executor "test" (registered in META-INF/services of the test class path): runs a linear
 * pipeline in a background thread with {@link LinearPipelineRunner} and remembers submitted pipelines.
 */
public final class TestExecutorFactory implements PipelineExecutorFactory {
    public static final String NAME = "test";
    public static final List<Pipeline> SUBMITTED = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return (pipeline, config, classLoader) -> {
            SUBMITTED.add(pipeline);
            TestJobClient client = new TestJobClient();
            Thread runner = new Thread(() -> {
                long start = System.currentTimeMillis();
                try {
                    new LinearPipelineRunner(pipeline, client::isCancelled, hook -> client.cancelHook = hook).run();
                    client.status = client.isCancelled() ? JobStatus.CANCELED : JobStatus.FINISHED;
                    if (client.isCancelled()) {
                        client.result.completeExceptionally(new JobExecutionException(client.id, "Job was cancelled", null));
                    } else {
                        client.result.complete(new JobExecutionResult(client.id, System.currentTimeMillis() - start));
                    }
                } catch (Throwable t) {
                    client.status = JobStatus.FAILED;
                    client.result.completeExceptionally(new JobExecutionException(client.id,
                            "Job " + client.id + " failed: " + t, t));
                }
            }, "test-job-" + pipeline.getJobName());
            runner.setDaemon(true);
            runner.start();
            return CompletableFuture.completedFuture(client);
        };
    }

    /** A JobClient over a future. */
    public static final class TestJobClient implements JobClient {
        final JobID id = JobID.generate();
        final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
        volatile JobStatus status = JobStatus.RUNNING;
        private volatile boolean cancelled;
        volatile Runnable cancelHook;

        boolean isCancelled() {
            return cancelled;
        }

        @Override
        public JobID getJobID() {
            return id;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return CompletableFuture.completedFuture(status);
        }

        @Override
        public CompletableFuture<Void> cancel() {
            cancelled = true;
            Runnable hook = cancelHook;
            if (hook != null) {
                hook.run();
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return result;
        }
    }
}

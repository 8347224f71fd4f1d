package dev.eddy.minicluster;

import dev.eddy.api.common.JobID;
import dev.eddy.api.dag.Pipeline;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.TaskManagerOptions;
import dev.eddy.core.execution.JobClient;
import dev.eddy.core.execution.PipelineExecutor;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.runtime.gateway.DispatcherGateway;
import dev.eddy.runtime.graph.JobGraphGenerator;
import dev.eddy.runtime.jobclient.DispatcherJobClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a pipeline on a fresh {@link MiniCluster}: one TaskManager (or {@code minicluster.number-of-taskmanagers})
 * whose slots cover the job's highest vertex parallelism (unless {@code taskmanager.numberOfTaskSlots}
 * is set). The job's classes come from the class path, or from the jar at {@code eddy.client.jar-path}
 * when {@code eddy run -t local} set it. The returned client closes the mini-cluster when the job
 * ends. Blocks the calling thread until the job is accepted.
 */
final class LocalPipelineExecutor implements PipelineExecutor {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration configuration, ClassLoader userCodeClassLoader)
            throws Exception {
        String jarPath = configuration.getOptional(MiniClusterOptions.JAR_PATH).orElse(null);
        JobGraphProto jobGraph = JobGraphGenerator.createJobGraph(pipeline, null);
        int numTaskManagers = configuration.get(MiniClusterOptions.NUM_TASK_MANAGERS);
        int slots = configuration.contains(TaskManagerOptions.NUM_TASK_SLOTS)
                ? configuration.get(TaskManagerOptions.NUM_TASK_SLOTS)
                : slotsFor(jobGraph, numTaskManagers);
        MiniCluster cluster = MiniCluster.start(configuration, numTaskManagers, slots);
        try {
            cluster.waitUntilTaskManagersRegistered(STARTUP_TIMEOUT);
            DispatcherGateway dispatcher = cluster.getDispatcherGateway();
            if (jarPath != null && !jarPath.isBlank()) {
                String sha = await(dispatcher.uploadJar(Path.of(jarPath)));
                jobGraph = jobGraph.toBuilder().setJarSha256(sha).build();
            }
            String jobId = await(dispatcher.submitJob(jobGraph));
            return CompletableFuture.completedFuture(new DispatcherJobClient(JobID.fromHexString(jobId), dispatcher, cluster::close));
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** Slots per TaskManager so that all TaskManagers together hold the job's highest parallelism. */
    static int slotsFor(JobGraphProto jobGraph, int numTaskManagers) {
        int maxParallelism = jobGraph.getVerticesList().stream().mapToInt(JobVertexProto::getParallelism).max().orElse(1);
        return Math.max(1, (maxParallelism + numTaskManagers - 1) / numTaskManagers);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
    }
}

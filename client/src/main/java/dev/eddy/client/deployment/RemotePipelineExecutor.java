package dev.eddy.client.deployment;

import dev.eddy.api.common.JobID;
import dev.eddy.api.dag.Pipeline;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.JobManagerOptions;
import dev.eddy.core.execution.JobClient;
import dev.eddy.core.execution.PipelineExecutor;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.runtime.gateway.DispatcherGateway;
import dev.eddy.runtime.graph.JobGraphGenerator;
import dev.eddy.runtime.jobclient.DispatcherJobClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads the job jar (if {@link ClientOptions#JAR_PATH} is set), translates the pipeline into a
 * JobGraph and submits it. Runs on the thread that calls {@code execute()} and blocks there until
 * the JobManager accepted the job; the returned client then polls the job's status in the
 * background and closes the connection when the job ends.
 */
public final class RemotePipelineExecutor implements PipelineExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(RemotePipelineExecutor.class);
    private final DispatcherConnector connector;

    public RemotePipelineExecutor(DispatcherConnector connector) {
        this.connector = connector;
    }

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration configuration, ClassLoader userCodeClassLoader)
            throws Exception {
        String address = configuration.get(JobManagerOptions.ADDRESS) + ":" + configuration.get(JobManagerOptions.PORT);
        Duration timeout = configuration.get(ClientOptions.CLIENT_TIMEOUT);
        DispatcherConnection connection = connector.connect(address);
        try {
            DispatcherGateway gateway = connection.gateway();
            String jarSha = uploadJar(gateway, configuration, address);
            JobGraphProto jobGraph = JobGraphGenerator.createJobGraph(pipeline, jarSha);
            String jobId = await(gateway.submitJob(jobGraph), timeout, address,
                    "Could not submit job '" + pipeline.getJobName() + "' to the JobManager at " + address);
            LOG.info("Job '{}' was accepted as {} by the JobManager at {}", pipeline.getJobName(), jobId, address);
            JobClient client = new DispatcherJobClient(JobID.fromHexString(jobId), gateway, connection::close);
            return CompletableFuture.completedFuture(client);
        } catch (Exception | Error e) {
            connection.close();
            throw e;
        }
    }

    private static String uploadJar(DispatcherGateway gateway, Configuration configuration, String address) throws Exception {
        String jarPath = configuration.getOptional(ClientOptions.JAR_PATH).orElse(null);
        if (jarPath == null || jarPath.isBlank()) {
            return null;
        }
        Path jar = Path.of(jarPath);
        if (!Files.isRegularFile(jar)) {
            throw new JobSubmissionException("Job jar " + jar + " does not exist (set by " + ClientOptions.JAR_PATH.key() + ")", null);
        }
        // uploads may take long for big jars: no client timeout, gRPC fails the call if the connection breaks
        String sha = await(gateway.uploadJar(jar), null, address, "Could not upload job jar " + jar + " to the JobManager at " + address);
        LOG.info("Uploaded job jar {} (sha256 {})", jar, sha);
        return sha;
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout, String address, String what) throws Exception {
        try {
            return timeout == null ? future.get() : future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (Exception e) {
            Throwable cause = RpcErrors.unwrap(e);
            if (RpcErrors.isUnreachable(cause)) {
                throw new JobManagerUnreachableException(address, cause);
            }
            throw new JobSubmissionException(what + ": " + RpcErrors.describe(cause), cause);
        }
    }
}

package dev.eddy.client.cli;

import dev.eddy.configuration.Configuration;
import dev.eddy.runtime.jobmanager.JobManagerRunner;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code eddy jobmanager}: runs a JobManager in the foreground until the process is stopped
 * (SIGTERM/SIGINT run a shutdown hook that closes it). bin/jobmanager.sh starts it in the background.
 */
@Command(name = "jobmanager", mixinStandardHelpOptions = true,
        description = "Runs a JobManager in the foreground until stopped (Ctrl-C / SIGTERM).")
final class JobManagerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(JobManagerCommand.class);
    private final CliContext context;
    @Mixin DynamicProperties dynamic;

    JobManagerCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Configuration configuration = context.loadConfiguration(dynamic.properties);
        JobManagerRunner runner;
        try {
            runner = JobManagerRunner.start(configuration);
        } catch (Exception e) {
            LOG.error("Could not start the JobManager", e);
            throw new CliException("Could not start the JobManager: " + StartupErrors.describe(e) + ". Is another JobManager running on this port? Set jobmanager.rpc.port or stop it.", e);
        }
        Thread hook = new Thread(runner::close, "eddy-jobmanager-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.info("JobManager is running; RPC port {}", runner.getRpcPort());
        context.out.println("JobManager is running; RPC port " + runner.getRpcPort());
        runner.awaitTermination();
        return 0;
    }
}

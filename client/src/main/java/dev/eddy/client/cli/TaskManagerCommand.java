package dev.eddy.client.cli;

import dev.eddy.configuration.Configuration;
import dev.eddy.runtime.taskmanager.TaskManagerRunner;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code eddy taskmanager}: runs a TaskManager in the foreground that registers at the configured
 * JobManager; a shutdown hook closes it. bin/taskmanager.sh starts it in the background.
 */
@Command(name = "taskmanager", mixinStandardHelpOptions = true,
        description = "Runs a TaskManager in the foreground until stopped (Ctrl-C / SIGTERM).")
final class TaskManagerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerCommand.class);
    private final CliContext context;
    @Mixin JobManagerAddress jobManager;
    @Mixin DynamicProperties dynamic;

    TaskManagerCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Configuration configuration = context.loadConfiguration(dynamic.properties);
        jobManager.applyTo(configuration);
        TaskManagerRunner runner;
        try {
            runner = TaskManagerRunner.start(configuration);
        } catch (Exception e) {
            LOG.error("Could not start the TaskManager", e);
            throw new CliException("Could not start the TaskManager: " + StartupErrors.describe(e) + ". Check the ports (taskmanager.rpc.port, taskmanager.data.port) and the configuration.", e);
        }
        Thread hook = new Thread(runner::close, "eddy-taskmanager-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.info("TaskManager {} is running; JobManager at {}", runner.getTaskManagerId(), JobManagerAddress.of(configuration));
        context.out.println("TaskManager " + runner.getTaskManagerId() + " is running; JobManager at " + JobManagerAddress.of(configuration));
        runner.awaitTermination();
        return 0;
    }
}

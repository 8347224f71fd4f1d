package dev.eddy.client.cli;

import dev.eddy.configuration.Configuration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eddy stop [--savepointPath <dir>] <jobId>}: takes a savepoint, then ends the job
 * (FINISHED). Waits until the savepoint is complete and prints its path.
 */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops a running job with a savepoint.")
final class StopCommand implements Callable<Integer> {
    private final CliContext context;
    @Mixin JobManagerAddress jobManager;
    @Mixin DynamicProperties dynamic;

    @Option(names = {"-p", "--savepointPath"}, paramLabel = "<savepointPath>",
            description = "Where the savepoint goes (default: execution.checkpointing.savepoint-dir)")
    String savepointPath;

    @Parameters(index = "0", paramLabel = "<jobId>", description = "The job's id (32 hex characters)")
    String jobId;

    StopCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String id = StatusCommand.parseJobId(jobId);
        Configuration configuration = context.loadConfiguration(dynamic.properties);
        jobManager.applyTo(configuration);
        context.out.println("Suspending job " + id + ".");
        context.out.flush();
        String path = ClusterCalls.call(context, configuration, g -> g.triggerSavepoint(id, savepointPath == null ? "" : savepointPath, true), SavepointCommand.SAVEPOINT_WAIT);
        context.out.println("Savepoint completed. Path: " + path);
        return 0;
    }
}

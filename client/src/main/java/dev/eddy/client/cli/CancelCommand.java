package dev.eddy.client.cli;

import dev.eddy.configuration.Configuration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code eddy cancel <jobId>}: asks the JobManager to cancel the job; does not wait for it to end. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a running job.")
final class CancelCommand implements Callable<Integer> {
    private final CliContext context;
    @Mixin JobManagerAddress jobManager;
    @Mixin DynamicProperties dynamic;

    @Parameters(index = "0", paramLabel = "<jobId>", description = "The job's id (32 hex characters)")
    String jobId;

    CancelCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String id = StatusCommand.parseJobId(jobId);
        Configuration configuration = context.loadConfiguration(dynamic.properties);
        jobManager.applyTo(configuration);
        ClusterCalls.call(context, configuration, g -> g.cancelJob(id));
        context.out.println("Cancelled job " + id + ".");
        return 0;
    }
}

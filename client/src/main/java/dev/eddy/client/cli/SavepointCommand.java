package dev.eddy.client.cli;

import dev.eddy.configuration.Configuration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code eddy savepoint <jobId> [targetDirectory]}: takes a savepoint of a running job and prints
 * its path; the job keeps running. Waits until the savepoint is complete.
 */
@Command(name = "savepoint", mixinStandardHelpOptions = true, description = "Takes a savepoint of a running job.")
final class SavepointCommand implements Callable<Integer> {
    /** How long the CLI waits for a savepoint to complete. */
    static final java.time.Duration SAVEPOINT_WAIT = java.time.Duration.ofMinutes(15);

    private final CliContext context;
    @Mixin JobManagerAddress jobManager;
    @Mixin DynamicProperties dynamic;

    @Parameters(index = "0", paramLabel = "<jobId>", description = "The job's id (32 hex characters)")
    String jobId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<targetDirectory>",
            description = "Where the savepoint goes (default: execution.checkpointing.savepoint-dir)")
    String targetDirectory;

    SavepointCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String id = StatusCommand.parseJobId(jobId);
        Configuration configuration = context.loadConfiguration(dynamic.properties);
        jobManager.applyTo(configuration);
        context.out.println("Triggering savepoint for job " + id + ".");
        context.out.flush();
        String path = ClusterCalls.call(context, configuration, g -> g.triggerSavepoint(id, targetDirectory == null ? "" : targetDirectory, false), SAVEPOINT_WAIT);
        context.out.println("Savepoint completed. Path: " + path);
        context.out.println("You can resume your program from this savepoint with the run command (-s " + path + ").");
        return 0;
    }
}

package dev.eddy.client.cli;

import dev.eddy.api.common.JobExecutionResult;
import dev.eddy.client.deployment.ClientOptions;
import dev.eddy.client.deployment.JobManagerUnreachableException;
import dev.eddy.client.program.PackagedProgram;
import dev.eddy.client.program.ProgramInvocationException;
import dev.eddy.client.program.ProgramMainException;
import dev.eddy.configuration.CheckpointingOptions;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.CoreOptions;
import dev.eddy.configuration.DeploymentOptions;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eddy run}: runs a job jar's main method with a context environment that submits to the
 * configured target. Everything happens on the calling thread, whose context class loader is the
 * job's class loader while main runs.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a job jar: calls its main method, whose execute() submits the job to a JobManager"
                + " (-t remote, the default) or to an embedded mini-cluster (-t local).")
final class RunCommand implements Callable<Integer> {
    private final CliContext context;
    @Mixin JobManagerAddress jobManager;
    @Mixin DynamicProperties dynamic;

    @Option(names = {"-t", "--target"}, paramLabel = "<remote|local>",
            description = "Where to run: remote (a JobManager, default) or local (an embedded mini-cluster)")
    String target;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "<N>", description = "Default parallelism of the job")
    Integer parallelism;

    @Option(names = {"-c", "--class"}, paramLabel = "<mainClass>", description = "Main class, if the manifest has no Main-Class")
    String mainClass;

    @Option(names = {"-s", "--fromSavepoint"}, paramLabel = "<savepointPath>",
            description = "Start the job from this savepoint or retained checkpoint (its directory or _metadata file)")
    String savepointPath;

    @Option(names = {"-n", "--allowNonRestoredState"},
            description = "Skip savepoint state that maps to no operator of the job instead of failing")
    boolean allowNonRestoredState;

    @Option(names = {"-d", "--detached"}, description = "Return once the job is submitted, without waiting for it to end")
    boolean detached;

    @Parameters(index = "0", paramLabel = "<jar>", description = "The job jar")
    Path jar;

    @Parameters(index = "1..*", paramLabel = "<args>", description = "Arguments for the job's main method")
    List<String> arguments = new ArrayList<>();

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Configuration configuration = buildConfiguration();
        PackagedProgram program;
        try {
            program = PackagedProgram.create(jar, mainClass, arguments, RunCommand.class.getClassLoader());
        } catch (ProgramInvocationException e) {
            throw new CliException(e.getMessage(), e);
        }
        configuration.set(ClientOptions.JAR_PATH, program.getJar().toString());
        try (program) {
            CliJobListener listener = new CliJobListener(context.out);
            try {
                runMain(program, configuration, listener);
            } catch (ProgramMainException e) {
                printMainFailure(e.getCause());
                return 1;
            } finally {
                listener.deactivate();
            }
            return report(listener, configuration.get(DeploymentOptions.ATTACHED));
        }
    }

    private Configuration buildConfiguration() {
        Configuration configuration = context.loadConfiguration(dynamic.properties);
        if (target != null) {
            if (!target.equals("remote") && !target.equals("local")) {
                throw new CliException("Unknown target '" + target + "' for -t: use remote (a JobManager) or local (an embedded mini-cluster)");
            }
            configuration.set(DeploymentOptions.TARGET, target);
        } else if (!configuration.contains(DeploymentOptions.TARGET)) {
            configuration.set(DeploymentOptions.TARGET, "remote");
        }
        jobManager.applyTo(configuration);
        if (parallelism != null) {
            if (parallelism < 1) {
                throw new CliException("Invalid parallelism " + parallelism + " for -p: it must be at least 1");
            }
            configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        if (detached) {
            configuration.set(DeploymentOptions.ATTACHED, false);
        }
        if (savepointPath != null) {
            if (savepointPath.isBlank()) {
                throw new CliException("Empty savepoint path for -s");
            }
            configuration.set(CheckpointingOptions.SAVEPOINT_PATH, savepointPath);
        }
        if (allowNonRestoredState) {
            configuration.set(CheckpointingOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        }
        return configuration;
    }

    private void runMain(PackagedProgram program, Configuration configuration, CliJobListener listener) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(program.getUserCodeClassLoader());
        try {
            StreamExecutionEnvironment.initializeContextEnvironment(configuration);
            StreamExecutionEnvironment.addContextJobListener(listener);
            program.invokeMain();
        } finally {
            try {
                StreamExecutionEnvironment.resetContextEnvironment();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    private void printMainFailure(Throwable thrown) {
        Throwable unreachable = find(thrown, JobManagerUnreachableException.class);
        if (unreachable != null) {
            context.err.println(unreachable.getMessage());
        }
        context.err.println("The program's main method threw an exception:");
        thrown.printStackTrace(context.err);
        context.err.flush();
    }

    private int report(CliJobListener listener, boolean attached) {
        if (listener.submittedJobs() == 0) {
            context.err.println("The program didn't submit a job: its main method returned without calling execute()"
                    + " on the execution environment.");
            return 1;
        }
        if (!attached) {
            return 0; // detached: the environment reports a placeholder result right after submission
        }
        for (JobExecutionResult result : listener.results()) {
            context.out.println("Job with JobID " + result.getJobID() + " has finished.");
            context.out.println("Job Runtime: " + result.getNetRuntime() + " ms");
        }
        List<Throwable> failures = listener.failures();
        if (!failures.isEmpty()) {
            for (Throwable failure : failures) {
                context.err.println("The job did not finish successfully (the main method ignored the failure):");
                failure.printStackTrace(context.err);
            }
            return 1;
        }
        return 0;
    }

    private static Throwable find(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }
}

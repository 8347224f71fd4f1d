package dev.eddy.client.cli;

import dev.eddy.client.config.GlobalConfiguration;
import dev.eddy.client.deployment.DispatcherConnector;
import dev.eddy.client.deployment.GrpcDispatcherConnector;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code eddy} command line, with Flink's verbs: run, list, status, cancel, savepoint, stop, plus jobmanager and
 * taskmanager to run the cluster processes in the foreground.
 *
 * <p>{@link #main} exits the JVM with the command's exit code; {@link #execute} is the programmatic
 * entry (tests, embedding) that returns it: 0 on success, 1 on any error (the message has been
 * printed to {@code err}). Commands run on the calling thread.
 */
@Command(name = "eddy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Submits and manages Eddy jobs, and runs Eddy's cluster processes.",
        footer = {"", "Configuration: $EDDY_CONF_DIR/config.yaml (default <distribution>/conf); -D key=value overrides a key."})
public final class EddyCli implements Runnable {
    @Spec CommandSpec spec;

    public static void main(String[] args) {
        int code = execute(args, System.out, System.err, System.getenv(), GlobalConfiguration.distributionDir().orElse(null),
                new GrpcDispatcherConnector());
        System.exit(code);
    }

    /** Runs one command with the given surroundings and returns its exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> environment,
            Path distributionDir, DispatcherConnector connector) {
        CliContext context = new CliContext(out, err, environment, distributionDir, connector);
        CommandLine commandLine = new CommandLine(new EddyCli())
                .addSubcommand(new CommandLine(new RunCommand(context)).setStopAtPositional(true))
                .addSubcommand(new ListCommand(context))
                .addSubcommand(new StatusCommand(context))
                .addSubcommand(new CancelCommand(context))
                .addSubcommand(new SavepointCommand(context))
                .addSubcommand(new StopCommand(context))
                .addSubcommand(new JobManagerCommand(context))
                .addSubcommand(new TaskManagerCommand(context));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((ex, parsedArgs) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return 1;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof CliException) {
                err.println(ex.getMessage());
            } else {
                err.println("Error: " + ex);
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

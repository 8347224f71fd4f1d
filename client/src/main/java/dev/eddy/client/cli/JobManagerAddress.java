package dev.eddy.client.cli;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.JobManagerOptions;
import picocli.CommandLine.Option;

/** The {@code -m host:port} option of the commands that talk to a JobManager (a picocli mixin). */
final class JobManagerAddress {
    @Option(names = {"-m", "--jobmanager"}, paramLabel = "<host:port>",
            description = "Address of the JobManager; defaults to jobmanager.rpc.address:jobmanager.rpc.port of the configuration")
    String address;

    /** Writes -m (if given) into jobmanager.rpc.address / port. */
    void applyTo(Configuration configuration) {
        if (address == null) {
            return;
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new CliException("Invalid JobManager address '" + address + "': expected host:port, e.g. -m localhost:6123");
        }
        String host = address.substring(0, colon);
        String port = address.substring(colon + 1);
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            configuration.set(JobManagerOptions.ADDRESS, host);
            configuration.set(JobManagerOptions.PORT, p);
        } catch (NumberFormatException e) {
            throw new CliException("Invalid port in JobManager address '" + address + "': expected a number from 1 to 65535");
        }
    }

    /** "host:port" from the configuration (after {@link #applyTo}). */
    static String of(Configuration configuration) {
        return configuration.get(JobManagerOptions.ADDRESS) + ":" + configuration.get(JobManagerOptions.PORT);
    }
}

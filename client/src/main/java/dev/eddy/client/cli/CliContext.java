package dev.eddy.client.cli;

import dev.eddy.client.config.GlobalConfiguration;
import dev.eddy.client.config.IllegalConfigurationException;
import dev.eddy.client.deployment.DispatcherConnector;
import dev.eddy.configuration.Configuration;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every command needs from its surroundings: output streams, the process environment (for
 * EDDY_CONF_DIR), the distribution directory and how to reach a JobManager. Immutable.
 */
final class CliContext {
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> environment;
    final Path distributionDir;
    final DispatcherConnector connector;

    CliContext(PrintStream out, PrintStream err, Map<String, String> environment, Path distributionDir, DispatcherConnector connector) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.distributionDir = distributionDir;
        this.connector = connector;
    }

    /** config.yaml of the conf dir plus -D overrides. */
    Configuration loadConfiguration(Map<String, String> dynamicProperties) {
        Path confDir = GlobalConfiguration.resolveConfDir(environment, distributionDir).orElse(null);
        try {
            return GlobalConfiguration.loadConfiguration(confDir, dynamicProperties);
        } catch (IllegalConfigurationException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}

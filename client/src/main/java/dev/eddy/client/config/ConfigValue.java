package dev.eddy.client.config;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.MemorySize;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prints one configuration value for the bin/ scripts, so that they understand config.yaml exactly
 * as the processes do (nested maps, quoting). Usage:
 * {@code ConfigValue <confDir> <key> <default> [--jvm-memory]}; with {@code --jvm-memory} the value
 * is parsed as a memory size ("1g", "512 mb") and printed as a JVM size in MiB ("1024m").
 * Exit code 1 with a message on stderr when the file or the value is invalid.
 */
public final class ConfigValue {
    private ConfigValue() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("Usage: ConfigValue <confDir> <key> <default> [--jvm-memory]");
            System.exit(2);
        }
        try {
            System.out.println(lookup(Path.of(args[0]), args[1], args[2], args.length > 3 && args[3].equals("--jvm-memory")));
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    static String lookup(Path confDir, String key, String defaultValue, boolean jvmMemory) {
        Configuration configuration = GlobalConfiguration.loadConfiguration(confDir, Map.of());
        String value = configuration.getString(key, defaultValue).trim();
        if (!jvmMemory) {
            return value;
        }
        try {
            long mib = Math.max(1, MemorySize.parse(value).getBytes() >> 20);
            return mib + "m";
        } catch (RuntimeException e) {
            throw new IllegalConfigurationException("Invalid memory size '" + value + "' for " + key + " in "
                    + confDir.resolve(GlobalConfiguration.CONFIG_FILE) + ": use e.g. 512m, 1g or 1024 mb", e);
        }
    }
}

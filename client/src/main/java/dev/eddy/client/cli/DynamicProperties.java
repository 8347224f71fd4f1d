package dev.eddy.client.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code -D key=value} option shared by every command (a picocli mixin). */
final class DynamicProperties {
    @Option(names = "-D", paramLabel = "<key>=<value>", mapFallbackValue = "",
            description = "Overrides a configuration key of config.yaml, e.g. -D parallelism.default=4 (repeatable)")
    Map<String, String> properties = new LinkedHashMap<>();
}

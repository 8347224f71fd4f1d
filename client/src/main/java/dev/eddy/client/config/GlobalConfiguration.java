package dev.eddy.client.config;

import dev.eddy.configuration.Configuration;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads the cluster configuration from {@code <confDir>/config.yaml}, as Flink 2 does.
 *
 * <p>Keys may be written flat ({@code jobmanager.rpc.port: 6123}) or nested
 * ({@code jobmanager: {rpc: {port: 6123}}}); nested maps are flattened to dotted keys and every
 * scalar becomes its string form (lists are joined with ';'). A missing file means "all defaults".
 * Dynamic properties ({@code -D key=value}) override the file. Stateless; callable from any thread.
 */
public final class GlobalConfiguration {
    /** Name of the configuration file inside the conf directory. */
    public static final String CONFIG_FILE = "config.yaml";
    /** Environment variable that moves the conf directory. */
    public static final String ENV_CONF_DIR = "EDDY_CONF_DIR";
    /** System property set by bin/ scripts: the distribution's root directory. */
    public static final String HOME_PROPERTY = "eddy.home";

    private GlobalConfiguration() {}

    /** Reads {@code <confDir>/config.yaml}; defaults (an empty configuration) when it does not exist. */
    public static Configuration loadConfiguration(Path confDir) {
        return loadConfiguration(confDir, Map.of());
    }

    /**
     * Reads {@code <confDir>/config.yaml} (if {@code confDir} is non-null and the file exists) and
     * applies {@code dynamicProperties} on top.
     *
     * @throws IllegalConfigurationException naming the file and line when the YAML is malformed
     */
    public static Configuration loadConfiguration(Path confDir, Map<String, String> dynamicProperties) {
        Configuration configuration = new Configuration();
        if (confDir != null) {
            Path file = confDir.resolve(CONFIG_FILE);
            if (Files.isRegularFile(file)) {
                parse(file).forEach(configuration::setString);
            }
        }
        dynamicProperties.forEach(configuration::setString);
        return configuration;
    }

    /** The conf dir: {@code EDDY_CONF_DIR} if set, else {@code <distribution>/conf}, else none. */
    public static Optional<Path> resolveConfDir(Map<String, String> environment, Path distributionDir) {
        String fromEnv = environment.get(ENV_CONF_DIR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(Path.of(fromEnv));
        }
        return Optional.ofNullable(distributionDir).map(d -> d.resolve("conf"));
    }

    /** The distribution root from the {@code eddy.home} system property, if the scripts set it. */
    public static Optional<Path> distributionDir() {
        return Optional.ofNullable(System.getProperty(HOME_PROPERTY)).filter(s -> !s.isBlank()).map(Path::of);
    }

    /** Flattened key/values of one YAML file. */
    static Map<String, String> parse(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new IllegalConfigurationException("Malformed YAML in " + file + where + ": " + e.getProblem()
                    + ". Fix the file: each setting is 'key: value' (flat dotted keys or nested maps).", e);
        } catch (YAMLException e) {
            throw new IllegalConfigurationException("Malformed YAML in " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalConfigurationException("Could not read configuration file " + file + ": " + e, e);
        }
        Map<String, String> flat = new LinkedHashMap<>();
        if (root == null) {
            return flat;
        }
        if (!(root instanceof Map)) {
            throw new IllegalConfigurationException("Configuration file " + file + " must contain a map of 'key: value' "
                    + "settings, but its top level is a " + root.getClass().getSimpleName());
        }
        flatten("", (Map<?, ?>) root, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            Object value = e.getValue();
            if (value instanceof Map) {
                flatten(key + ".", (Map<?, ?>) value, out);
            } else if (value instanceof Collection) {
                out.put(key, ((Collection<?>) value).stream().map(String::valueOf).collect(Collectors.joining(";")));
            } else if (value != null) {
                out.put(key, String.valueOf(value));
            }
        }
    }
}

package dev.eddy.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps DESIGN.md §2 true for the api module: it depends on nothing of ours outside itself and on
 * no runtime library (the JDK and slf4j at most), so a job compiles against the api jar alone.
 */
class ApiDependencyRulesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    /** Packages of other Eddy modules (the api's own dev.eddy.runtime.state is a user-facing Flink package). */
    private static final List<String> OTHER_MODULES = List.of(
            "dev.eddy.proto", "dev.eddy.client", "dev.eddy.minicluster", "dev.eddy.runtime.taskmanager",
            "dev.eddy.runtime.jobmanager", "dev.eddy.runtime.rpc", "dev.eddy.runtime.graph", "dev.eddy.runtime.gateway",
            "dev.eddy.runtime.util", "dev.eddy.runtime.jobclient");
    private static final Pattern LIBRARY_REFERENCE = Pattern.compile("\\b(io\\.grpc|io\\.netty|org\\.rocksdb|com\\.google|picocli|org\\.yaml|ch\\.qos)\\.");

    @Test
    void apiImportsOnlyTheJdkSlf4jAndItself() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f);
                Matcher m = IMPORT.matcher(src);
                while (m.find()) {
                    String imported = m.group(1);
                    boolean allowed = imported.startsWith("java.") || imported.startsWith("org.slf4j.")
                            || (imported.startsWith("dev.eddy.") && OTHER_MODULES.stream().noneMatch(imported::startsWith));
                    if (!allowed) {
                        violations.add(SOURCES.relativize(f) + " imports " + imported);
                    }
                }
                Matcher lib = LIBRARY_REFERENCE.matcher(src);
                if (lib.find()) {
                    violations.add(SOURCES.relativize(f) + " refers to " + lib.group(1));
                }
            }
        }
        assertThat(violations).as("api must depend on nothing but the JDK and slf4j").isEmpty();
    }

    @Test
    void theRuleSeesTheSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(200);
        }
    }
}

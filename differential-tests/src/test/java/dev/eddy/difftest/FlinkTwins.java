package dev.eddy.difftest;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Makes the Apache Flink twin of every differential job: copies the job sources with
 * {@code dev.eddy.} rewritten to {@code org.apache.flink.} (package and imports alike — that is
 * the compatibility promise) and compiles them against the test class path, which holds Flink.
 * A job that does not compile against Flink uses API that Flink does not have: the error is the
 * finding.
 */
final class FlinkTwins {
    private FlinkTwins() {}

    /**
     * Rewrites the job sources into {@code workDir} and compiles them into {@code classes}, which
     * must be a directory on the test class path (the test-classes directory): Flink's mini-cluster
     * loads user classes through the application class loader, and that reads directories lazily,
     * so classes written there now are found.
     */
    static void compile(Path jobSources, Path workDir, Path classes) throws IOException {
        Path src = workDir.resolve("src");
        Files.createDirectories(classes);
        List<File> rewritten = new ArrayList<>();
        try (Stream<Path> files = Files.list(jobSources)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                String text = Files.readString(file, StandardCharsets.UTF_8).replace("dev.eddy.", "org.apache.flink.");
                Path target = src.resolve("org/apache/flink/difftest/jobs").resolve(file.getFileName());
                Files.createDirectories(target.getParent());
                Files.writeString(target, text, StandardCharsets.UTF_8);
                rewritten.add(target.toFile());
            }
        }
        if (rewritten.isEmpty()) {
            throw new IllegalStateException("No job sources in " + jobSources);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No system Java compiler: run the tests on a JDK, not a JRE");
        }
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromFiles(rewritten);
            List<String> options = List.of("-classpath", testClassPath(), "-d", classes.toString(),
                    "--release", "17", "-proc:none", "-nowarn");
            boolean ok = compiler.getTask(errors, fm, null, options, null, units).call();
            if (!ok) {
                throw new IllegalStateException("The Flink twins of the jobs in " + jobSources
                        + " do not compile against Apache Flink (API difference?):\n" + errors);
            }
        }
    }

    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}

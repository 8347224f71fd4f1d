package dev.eddy.runtime.taskmanager.testutil;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources with the JDK compiler into a directory or a jar. */
public final class JarBuilder {
    private JarBuilder() {}

    /** Compiles {@code sources} (class name to source text) into {@code outDir}. */
    public static Path compile(Map<String, String> sources, Path outDir) throws IOException {
        Path src = Files.createTempDirectory("eddy-src");
        List<String> args = new ArrayList<>(List.of("-d", outDir.toString(), "-classpath", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            args.add(f.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int rc = compiler.run(null, null, null, args.toArray(new String[0]));
        if (rc != 0) {
            throw new IllegalStateException("compilation failed");
        }
        return outDir;
    }

    public static Path jar(Map<String, String> sources, Path jarFile) throws IOException {
        Path classes = compile(sources, Files.createTempDirectory("eddy-classes"));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jarFile)); Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jarFile;
    }

    public static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}

package dev.eddy.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packs compiled test job classes (with their nested classes) into a job jar for {@code eddy run}. */
public final class JobJars {
    private JobJars() {}

    /** A jar holding the classes of {@code mainClass}'s package and below, with Main-Class set (unless null). */
    public static Path build(Path target, Class<?> mainClass, boolean withMainClass) {
        try {
            Path classesRoot = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            String pkgDir = mainClass.getPackageName().replace('.', '/');
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            if (withMainClass) {
                manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
            }
            Files.createDirectories(target.getParent());
            try (OutputStream os = Files.newOutputStream(target);
                    JarOutputStream jar = new JarOutputStream(os, manifest);
                    Stream<Path> files = Files.walk(classesRoot.resolve(pkgDir))) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String name = classesRoot.relativize(f).toString().replace('\\', '/');
                    jar.putNextEntry(new JarEntry(name));
                    Files.copy(f, jar);
                    jar.closeEntry();
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

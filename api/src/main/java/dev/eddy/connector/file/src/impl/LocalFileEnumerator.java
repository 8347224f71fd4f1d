package dev.eddy.connector.file.src.impl;

import dev.eddy.core.fs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lists the files a file source reads: a file path is read as is; a directory contributes all its
 * non-hidden regular files, recursively (names starting with '.' or '_' are hidden, and so is
 * everything under a hidden directory). The result is sorted and free of duplicates. Local file
 * system only.
 */
public final class LocalFileEnumerator {
    private LocalFileEnumerator() {}

    /**
     * @throws IOException naming the path when an input path does not exist or cannot be listed
     */
    public static List<Path> enumerate(Path[] inputs) throws IOException {
        TreeSet<java.nio.file.Path> files = new TreeSet<>();
        for (Path input : inputs) {
            java.nio.file.Path local = input.toLocalPath();
            if (!Files.exists(local)) {
                throw new IOException("File source input path '" + input + "' does not exist (resolved to '"
                        + local.toAbsolutePath() + "'); check the paths given to FileSource.forRecordStreamFormat(...)");
            }
            if (Files.isDirectory(local)) {
                addDirectory(local, files);
            } else {
                files.add(local.toAbsolutePath().normalize());
            }
        }
        List<Path> result = new ArrayList<>(files.size());
        for (java.nio.file.Path file : files) {
            result.add(Path.fromLocalFile(file.toFile()));
        }
        return result;
    }

    private static void addDirectory(java.nio.file.Path dir, TreeSet<java.nio.file.Path> files) throws IOException {
        java.nio.file.Path root = dir.toAbsolutePath().normalize();
        try (Stream<java.nio.file.Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !isHiddenBelow(root, p))
                    .forEach(p -> files.add(p.normalize()));
        } catch (UncheckedIOException e) {
            throw new IOException("Could not list the files under '" + dir + "': " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static boolean isHiddenBelow(java.nio.file.Path root, java.nio.file.Path file) {
        for (java.nio.file.Path part : root.relativize(file)) {
            if (isHiddenName(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /** True for names the file source skips inside directories. */
    public static boolean isHiddenName(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }
}

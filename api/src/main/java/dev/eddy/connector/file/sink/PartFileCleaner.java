package dev.eddy.connector.file.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what a failed {@link FileSink} writer left behind: its hidden part files (in progress, or
 * pending for a checkpoint that never completed) that its restored {@link FileWriterState} does not
 * list. Only files whose name carries that writer's id are touched, so other writers, other sinks'
 * files and committed files are never deleted. Runs on the task thread while the writer restores.
 */
final class PartFileCleaner {
    private static final Logger LOG = LoggerFactory.getLogger(PartFileCleaner.class);

    private PartFileCleaner() {}

    /** @return how many files were deleted */
    static int deleteLeftovers(Path basePath, String partPrefix, FileWriterState state) throws IOException {
        if (!Files.isDirectory(basePath)) {
            return 0;
        }
        String namePrefix = "." + partPrefix + "-" + state.getWriterId() + "-";
        Set<Path> keep = new HashSet<>();
        for (String f : state.getPendingFiles()) {
            keep.add(Path.of(f).toAbsolutePath().normalize());
        }
        List<Path> leftovers;
        try (Stream<Path> walk = Files.walk(basePath)) {
            leftovers = walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(namePrefix) && name.contains(".inprogress.");
                    })
                    .filter(p -> !keep.contains(p.toAbsolutePath().normalize()))
                    .collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw new IOException("File sink could not list '" + basePath + "' to clean up after writer "
                    + state.getWriterId() + ": " + e.getCause().getMessage(), e.getCause());
        }
        int deleted = 0;
        for (Path p : leftovers) {
            try {
                Files.delete(p);
                deleted++;
            } catch (NoSuchFileException e) {
                // already gone
            }
        }
        if (deleted > 0) {
            LOG.info("File sink deleted {} uncommitted part files of failed writer {} under {}", deleted,
                    state.getWriterId(), basePath);
        }
        return deleted;
    }
}

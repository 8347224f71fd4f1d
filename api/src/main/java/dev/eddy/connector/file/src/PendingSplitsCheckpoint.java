package dev.eddy.connector.file.src;

import dev.eddy.core.fs.Path;
import java.util.Collection;
import java.util.List;

/**
 * The state of a file source enumerator: splits not yet assigned, and the paths already seen (so a
 * continuously monitoring source does not read a file twice). Immutable.
 */
public final class PendingSplitsCheckpoint {
    private final List<FileSourceSplit> splits;
    private final List<Path> alreadyProcessedPaths;

    public PendingSplitsCheckpoint(Collection<FileSourceSplit> splits, Collection<Path> alreadyProcessedPaths) {
        this.splits = List.copyOf(splits);
        this.alreadyProcessedPaths = List.copyOf(alreadyProcessedPaths);
    }

    public List<FileSourceSplit> getSplits() {
        return splits;
    }

    public List<Path> getAlreadyProcessedPaths() {
        return alreadyProcessedPaths;
    }

    @Override
    public String toString() {
        return "PendingSplitsCheckpoint{splits=" + splits + ", processed=" + alreadyProcessedPaths + "}";
    }
}

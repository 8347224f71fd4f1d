package dev.eddy.connector.file.src.impl;

import dev.eddy.api.connector.source.SplitEnumerator;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import dev.eddy.api.connector.source.SplitsAssignment;
import dev.eddy.connector.file.src.FileSourceSplit;
import dev.eddy.connector.file.src.PendingSplitsCheckpoint;
import dev.eddy.core.fs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enumerates the files of a file source, one split per file.
 *
 * <p>Bounded mode lists the files once at {@link #start()} (sorted) and gives the file at
 * position {@code i} to subtask {@code i % parallelism}; a reader asking for splits gets all of
 * its own, then "no more splits". Continuous mode lists the files at start and then every
 * {@code discoveryIntervalMillis}; every new file goes to subtask
 * {@code floorMod(hash(path), parallelism)} as soon as it is seen, and the readers never end. Both
 * assignments are deterministic functions of (file, subtask), as the per-subtask local
 * enumerators of the source operator require. Enumerator thread only.
 */
public final class FileSplitEnumerator implements SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint> {
    private final SplitEnumeratorContext<FileSourceSplit> context;
    private final Path[] inputs;
    private final long discoveryIntervalMillis;
    /** Bounded mode: all splits in listing order (never shrinks). */
    private final List<FileSourceSplit> staticSplits = new ArrayList<>();
    /** Bounded mode: ids of the splits handed out. */
    private final Set<String> assigned = new HashSet<>();
    /** Splits given back by failed readers, for the next reader that asks. */
    private final List<FileSourceSplit> returned = new ArrayList<>();
    private final Set<Path> seen = new LinkedHashSet<>();
    private final boolean restored;

    public FileSplitEnumerator(SplitEnumeratorContext<FileSourceSplit> context, Path[] inputs, long discoveryIntervalMillis,
            PendingSplitsCheckpoint restoredState) {
        this.context = context;
        this.inputs = inputs.clone();
        this.discoveryIntervalMillis = discoveryIntervalMillis;
        this.restored = restoredState != null;
        if (restoredState != null) {
            staticSplits.addAll(restoredState.getSplits());
            seen.addAll(restoredState.getAlreadyProcessedPaths());
        }
    }

    private boolean continuous() {
        return discoveryIntervalMillis > 0;
    }

    @Override
    public void start() {
        if (!restored) {
            staticSplits.addAll(toSplits(discover()));
        }
        if (continuous()) {
            assignByOwner(new ArrayList<>(staticSplits));
            staticSplits.clear();
            context.callAsync(this::discover, this::onDiscovered, discoveryIntervalMillis, discoveryIntervalMillis);
        }
    }

    private List<Path> discover() {
        try {
            List<Path> fresh = new ArrayList<>();
            for (Path file : LocalFileEnumerator.enumerate(inputs)) {
                if (!seen.contains(file)) {
                    fresh.add(file);
                }
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void onDiscovered(List<Path> files, Throwable failure) {
        if (failure != null) {
            throw new IllegalStateException("File source could not list its input paths", failure);
        }
        assignByOwner(toSplits(files));
    }

    private List<FileSourceSplit> toSplits(List<Path> files) {
        List<FileSourceSplit> splits = new ArrayList<>(files.size());
        for (Path file : files) {
            if (seen.add(file)) {
                long size;
                try {
                    size = Files.size(file.toLocalPath());
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read the size of file source input '" + file + "'", e);
                }
                splits.add(new FileSourceSplit(file.toString(), file, 0, size));
            }
        }
        return splits;
    }

    private void assignByOwner(List<FileSourceSplit> splits) {
        Map<Integer, List<FileSourceSplit>> assignment = new HashMap<>();
        int parallelism = context.currentParallelism();
        for (FileSourceSplit split : splits) {
            int owner = Math.floorMod(split.path().toString().hashCode(), parallelism);
            assignment.computeIfAbsent(owner, k -> new ArrayList<>()).add(split);
        }
        if (!assignment.isEmpty()) {
            context.assignSplits(new SplitsAssignment<>(assignment));
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        if (continuous()) {
            return; // splits are pushed when discovered
        }
        // Positions in the static list never change, so every local copy agrees on the owner.
        int parallelism = context.currentParallelism();
        List<FileSourceSplit> mine = new ArrayList<>(returned);
        returned.clear();
        for (int i = 0; i < staticSplits.size(); i++) {
            FileSourceSplit split = staticSplits.get(i);
            if (i % parallelism == subtaskId && assigned.add(split.splitId())) {
                mine.add(split);
            }
        }
        if (!mine.isEmpty()) {
            Map<Integer, List<FileSourceSplit>> assignment = new HashMap<>();
            assignment.put(subtaskId, mine);
            context.assignSplits(new SplitsAssignment<>(assignment));
        }
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void addSplitsBack(List<FileSourceSplit> splits, int subtaskId) {
        if (continuous()) {
            assignByOwner(splits);
        } else {
            returned.addAll(splits);
        }
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public PendingSplitsCheckpoint snapshotState(long checkpointId) {
        List<FileSourceSplit> pending = new ArrayList<>(returned);
        for (FileSourceSplit split : staticSplits) {
            if (!assigned.contains(split.splitId())) {
                pending.add(split);
            }
        }
        return new PendingSplitsCheckpoint(pending, seen);
    }

    @Override
    public void close() {}
}

package dev.eddy.connector.file.src.impl;

import dev.eddy.api.connector.source.SplitEnumerator;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import dev.eddy.connector.file.src.FileSourceSplit;
import dev.eddy.connector.file.src.PendingSplitsCheckpoint;
import dev.eddy.core.fs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Enumerates the files of a file source, one split per file, and hands them out on request: each
 * split request of a reader gets the next pending split.
 *
 * <p>Bounded mode lists the input paths once at {@link #start()} (sorted); a request when nothing
 * is pending gets "no more splits". Continuous mode lists the paths at start and then every
 * {@code discoveryIntervalMillis} (off the coordinator thread, through
 * {@link SplitEnumeratorContext#callAsync}); a reader asking while nothing is pending waits until
 * a new file appears, and the readers never end.
 *
 * <p>Checkpoint: the pending splits and, in continuous mode, every path seen so far (so a restored
 * enumerator neither loses nor repeats a file). Splits given back by a failed reader are pending
 * again. Threading: the coordinator thread only, like every {@link SplitEnumerator}.
 */
public final class FileSplitEnumerator implements SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint> {
    private final SplitEnumeratorContext<FileSourceSplit> context;
    private final Path[] inputs;
    private final long discoveryIntervalMillis;
    private final ArrayDeque<FileSourceSplit> pending = new ArrayDeque<>();
    /** Continuous mode: readers that asked while nothing was pending, in the order they asked. */
    private final Set<Integer> awaitingReaders = new LinkedHashSet<>();
    private final Set<Path> seen = new LinkedHashSet<>();
    /** An immutable copy of {@link #seen} for the discovery worker thread; replaced after every change. */
    private volatile Set<Path> seenForDiscovery = Set.of();
    private final boolean restored;

    public FileSplitEnumerator(SplitEnumeratorContext<FileSourceSplit> context, Path[] inputs, long discoveryIntervalMillis,
            PendingSplitsCheckpoint restoredState) {
        this.context = context;
        this.inputs = inputs.clone();
        this.discoveryIntervalMillis = discoveryIntervalMillis;
        this.restored = restoredState != null;
        if (restoredState != null) {
            pending.addAll(restoredState.getSplits());
            seen.addAll(restoredState.getAlreadyProcessedPaths());
            for (FileSourceSplit split : restoredState.getSplits()) {
                seen.add(split.path());
            }
            seenForDiscovery = Set.copyOf(seen);
        }
    }

    private boolean continuous() {
        return discoveryIntervalMillis > 0;
    }

    @Override
    public void start() {
        if (!restored) {
            pending.addAll(toSplits(discover()));
        }
        if (continuous()) {
            context.callAsync(this::discover, this::onDiscovered, discoveryIntervalMillis, discoveryIntervalMillis);
        }
    }

    /** Lists the input paths; a worker thread (reads only the inputs and the immutable {@link #seenForDiscovery}). */
    private List<Path> discover() {
        Set<Path> known = seenForDiscovery;
        try {
            List<Path> fresh = new ArrayList<>();
            for (Path file : LocalFileEnumerator.enumerate(inputs)) {
                if (!known.contains(file)) {
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
            throw new IllegalStateException("File source could not list its input paths " + java.util.Arrays.toString(inputs),
                    failure);
        }
        pending.addAll(toSplits(files));
        serveAwaitingReaders();
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
        seenForDiscovery = Set.copyOf(seen);
        return splits;
    }

    private void serveAwaitingReaders() {
        var readers = awaitingReaders.iterator();
        while (readers.hasNext() && !pending.isEmpty()) {
            int subtask = readers.next();
            readers.remove();
            if (context.registeredReaders().containsKey(subtask)) {
                context.assignSplit(pending.poll(), subtask);
            }
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        FileSourceSplit next = pending.poll();
        if (next != null) {
            context.assignSplit(next, subtaskId);
        } else if (continuous()) {
            awaitingReaders.add(subtaskId);
        } else {
            context.signalNoMoreSplits(subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<FileSourceSplit> splits, int subtaskId) {
        pending.addAll(splits);
        awaitingReaders.remove(subtaskId);
        if (continuous()) {
            serveAwaitingReaders();
        }
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public PendingSplitsCheckpoint snapshotState(long checkpointId) {
        return new PendingSplitsCheckpoint(new ArrayList<>(pending), continuous() ? seen : List.of());
    }

    @Override
    public void close() {}
}

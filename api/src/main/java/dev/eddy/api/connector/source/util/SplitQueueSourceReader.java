package dev.eddy.api.connector.source.util;

import dev.eddy.api.connector.source.ReaderOutput;
import dev.eddy.api.connector.source.SourceReader;
import dev.eddy.api.connector.source.SourceReaderContext;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.core.io.InputStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link SourceReader} that reads its assigned splits one after the other on the task thread.
 * It asks for splits once at start and again whenever it runs out; it ends when the enumerator has
 * said no more splits will come and every assigned split is read. Subclasses only open a split.
 *
 * <p>Threading: task thread only (like every {@link SourceReader}). Reading a split blocks on I/O
 * for as long as one record takes; that suits files and generated data, not slow network reads.
 */
public abstract class SplitQueueSourceReader<T, SplitT extends SourceSplit> implements SourceReader<T, SplitT> {
    private final SourceReaderContext context;
    private final ArrayDeque<SplitT> pending = new ArrayDeque<>();
    private SplitRecordIterator<T, SplitT> current;
    private String currentSplitId;
    private dev.eddy.api.connector.source.SourceOutput<T> currentOutput;
    private boolean noMoreSplits;
    private boolean splitRequested;
    private CompletableFuture<Void> available = new CompletableFuture<>();

    protected SplitQueueSourceReader(SourceReaderContext context) {
        this.context = context;
    }

    /** Opens a split for reading. */
    protected abstract SplitRecordIterator<T, SplitT> openSplit(SplitT split) throws Exception;

    protected SourceReaderContext context() {
        return context;
    }

    @Override
    public void start() {
        requestSplit();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        while (true) {
            if (current == null && !openNextSplit(output)) {
                if (noMoreSplits) {
                    return InputStatus.END_OF_INPUT;
                }
                requestSplit();
                return InputStatus.NOTHING_AVAILABLE;
            }
            if (current.emitNext(currentOutput)) {
                return InputStatus.MORE_AVAILABLE;
            }
            closeCurrent(output);
        }
    }

    private boolean openNextSplit(ReaderOutput<T> output) throws Exception {
        SplitT next = pending.poll();
        if (next == null) {
            return false;
        }
        current = openSplit(next);
        currentSplitId = next.splitId();
        currentOutput = output.createOutputForSplit(currentSplitId);
        return true;
    }

    private void closeCurrent(ReaderOutput<T> output) throws Exception {
        SplitRecordIterator<T, SplitT> done = current;
        current = null;
        output.releaseOutputForSplit(currentSplitId);
        currentSplitId = null;
        currentOutput = null;
        done.close();
    }

    private void requestSplit() {
        if (!splitRequested && !noMoreSplits) {
            splitRequested = true;
            context.sendSplitRequest();
        }
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        if (current != null || !pending.isEmpty() || noMoreSplits) {
            return CompletableFuture.completedFuture(null);
        }
        if (available.isDone()) {
            available = new CompletableFuture<>();
        }
        return available;
    }

    @Override
    public void addSplits(List<SplitT> splits) {
        pending.addAll(splits);
        splitRequested = false;
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public List<SplitT> snapshotState(long checkpointId) {
        List<SplitT> state = new ArrayList<>();
        if (current != null) {
            state.add(current.remainingSplit());
        }
        state.addAll(pending);
        return state;
    }

    @Override
    public void close() throws Exception {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}

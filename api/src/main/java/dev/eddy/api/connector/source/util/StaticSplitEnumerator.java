package dev.eddy.api.connector.source.util;

import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.api.connector.source.SplitEnumerator;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Enumerator of a fixed collection of splits computed up front (for example one per reader):
 * every split request gets the next remaining split, and a request when none is left gets "no more
 * splits". Splits given back by a failed reader are handed out again to the next reader that asks.
 * Its checkpoint is the collection of splits not yet handed out.
 *
 * <p>Threading: the coordinator thread only, like every {@link SplitEnumerator}.
 */
public class StaticSplitEnumerator<SplitT extends SourceSplit> implements SplitEnumerator<SplitT, Collection<SplitT>> {
    private final SplitEnumeratorContext<SplitT> context;
    private final ArrayDeque<SplitT> remaining;

    public StaticSplitEnumerator(SplitEnumeratorContext<SplitT> context, Collection<SplitT> splits) {
        this.context = context;
        this.remaining = new ArrayDeque<>(splits);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        SplitT next = remaining.poll();
        if (next != null) {
            context.assignSplit(next, subtaskId);
        } else {
            context.signalNoMoreSplits(subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<SplitT> splits, int subtaskId) {
        remaining.addAll(splits);
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public Collection<SplitT> snapshotState(long checkpointId) {
        return new ArrayList<>(remaining);
    }

    @Override
    public void close() {}
}

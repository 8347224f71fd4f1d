package dev.eddy.api.connector.source.util;

import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.api.connector.source.SplitEnumerator;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import dev.eddy.api.connector.source.SplitsAssignment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Enumerator of a fixed list of splits. Split {@code i} of the list belongs to subtask
 * {@code i % parallelism}: when a reader asks, it gets all its splits still unassigned, then "no
 * more splits". Splits given back go to the next reader that asks. The assignment is a pure
 * function of (split position, subtask), which the per-subtask local enumerators of
 * {@code SourceReaderOperator} rely on. Enumerator thread only.
 */
public class StaticSplitEnumerator<SplitT extends SourceSplit> implements SplitEnumerator<SplitT, Collection<SplitT>> {
    private final SplitEnumeratorContext<SplitT> context;
    private final List<SplitT> splits;
    private final boolean[] assigned;
    private final List<SplitT> returned = new ArrayList<>();

    public StaticSplitEnumerator(SplitEnumeratorContext<SplitT> context, Collection<SplitT> splits) {
        this.context = context;
        this.splits = new ArrayList<>(splits);
        this.assigned = new boolean[this.splits.size()];
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        int parallelism = context.currentParallelism();
        List<SplitT> mine = new ArrayList<>(returned);
        returned.clear();
        for (int i = 0; i < splits.size(); i++) {
            if (!assigned[i] && i % parallelism == subtaskId) {
                assigned[i] = true;
                mine.add(splits.get(i));
            }
        }
        if (!mine.isEmpty()) {
            Map<Integer, List<SplitT>> assignment = new HashMap<>();
            assignment.put(subtaskId, mine);
            context.assignSplits(new SplitsAssignment<>(assignment));
        }
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void addSplitsBack(List<SplitT> splits, int subtaskId) {
        returned.addAll(splits);
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public Collection<SplitT> snapshotState(long checkpointId) {
        List<SplitT> remaining = new ArrayList<>(returned);
        for (int i = 0; i < splits.size(); i++) {
            if (!assigned[i]) {
                remaining.add(splits.get(i));
            }
        }
        return remaining;
    }

    @Override
    public void close() {}
}

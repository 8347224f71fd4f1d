package dev.eddy.api.connector.source;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Splits to hand to readers, by subtask index. Immutable once built. */
public final class SplitsAssignment<SplitT extends SourceSplit> {
    private final Map<Integer, List<SplitT>> assignment;

    public SplitsAssignment(Map<Integer, List<SplitT>> assignment) {
        this.assignment = Collections.unmodifiableMap(assignment);
    }

    public SplitsAssignment(SplitT split, int subtask) {
        this.assignment = Map.of(subtask, List.of(split));
    }

    public Map<Integer, List<SplitT>> assignment() {
        return assignment;
    }

    @Override
    public String toString() {
        return "SplitsAssignment" + assignment;
    }
}

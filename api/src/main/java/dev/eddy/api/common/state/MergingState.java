package dev.eddy.api.common.state;

/** An {@link AppendingState} whose partial results can be merged (e.g. for merging windows). */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {}

package dev.eddy.streaming.api.functions.source.legacy;

/** A source function that may run with parallelism above 1: each subtask runs its own instance. */
public interface ParallelSourceFunction<T> extends SourceFunction<T> {}

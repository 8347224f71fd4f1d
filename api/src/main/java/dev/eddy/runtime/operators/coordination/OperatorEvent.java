package dev.eddy.runtime.operators.coordination;

/**
 * A message between an operator subtask and the operator's coordinator on the JobManager. The set
 * of events is closed (the source events of {@code dev.eddy.runtime.source.event}); the runtime
 * maps each to its control-plane message. Immutable.
 */
public interface OperatorEvent {}

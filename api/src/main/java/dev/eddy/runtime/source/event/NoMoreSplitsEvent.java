package dev.eddy.runtime.source.event;

import dev.eddy.runtime.operators.coordination.OperatorEvent;

/** Coordinator → task: no further splits will be assigned to this reader. */
public record NoMoreSplitsEvent() implements OperatorEvent {}

package dev.eddy.runtime.source.event;

import dev.eddy.api.connector.source.SourceEvent;
import dev.eddy.runtime.operators.coordination.OperatorEvent;

/** Either way: a user {@link SourceEvent} between the enumerator and a reader. */
public record SourceEventWrapper(SourceEvent sourceEvent) implements OperatorEvent {}

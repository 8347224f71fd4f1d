package dev.eddy.runtime.source.event;

import dev.eddy.runtime.operators.coordination.OperatorEvent;

/** Task → coordinator: the reader asks for a split ({@code SourceReaderContext.sendSplitRequest}). {@code hostName} may be null. */
public record RequestSplitEvent(String hostName) implements OperatorEvent {}

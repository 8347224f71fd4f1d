package dev.eddy.runtime.source.event;

import dev.eddy.runtime.operators.coordination.OperatorEvent;

/** Task → coordinator: the source reader of a subtask started and can take splits. */
public record ReaderRegistrationEvent(int subtaskId, String location) implements OperatorEvent {}

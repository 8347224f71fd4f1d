package dev.eddy.runtime.taskmanager.checkpoint;

/** In-band: checkpoint {@code checkpointId} was aborted upstream; receivers stop aligning for it. */
public record CancelCheckpointMarker(long checkpointId) {}

package dev.eddy.runtime.state;

/** Handed to {@code CheckpointedFunction#initializeState}. */
public interface FunctionInitializationContext extends ManagedInitializationContext {}

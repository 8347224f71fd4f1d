package dev.eddy.runtime.state;

/** Handed to {@code StreamOperator#initializeState}: managed state plus the operator's raw keyed state. */
public interface StateInitializationContext extends FunctionInitializationContext {
    /** The raw keyed state written for the key groups of this subtask (empty on a fresh start). */
    Iterable<KeyGroupStatePartitionStreamProvider> getRawKeyedStateInputs();
}

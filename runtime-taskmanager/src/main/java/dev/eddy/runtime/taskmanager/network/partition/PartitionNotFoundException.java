package dev.eddy.runtime.taskmanager.network.partition;

/** No partition with the requested id is registered (yet) at this TaskManager. */
public final class PartitionNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    public PartitionNotFoundException(String partitionId) {
        super("Partition " + partitionId + " is not registered at this TaskManager", null, false, false);
    }
}

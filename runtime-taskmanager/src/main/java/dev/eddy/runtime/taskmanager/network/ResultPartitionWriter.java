package dev.eddy.runtime.taskmanager.network;

/** The producer side of one partition at buffer level. STUB: the network package defines its methods. */
public interface ResultPartitionWriter {
    int getNumberOfSubpartitions();

    /** Frees buffers and unregisters the partition (after finish, cancel or failure). Idempotent. */
    void release();
}

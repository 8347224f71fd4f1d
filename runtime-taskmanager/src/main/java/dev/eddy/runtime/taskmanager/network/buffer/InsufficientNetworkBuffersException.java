package dev.eddy.runtime.taskmanager.network.buffer;

/** A partition or gate needs more network buffers than the TaskManager has left. */
public final class InsufficientNetworkBuffersException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InsufficientNetworkBuffersException(int required, int available) {
        super("Insufficient number of network buffers: required " + required + ", but only " + available
                + " available. Increase taskmanager.memory.network.max.");
    }
}

package dev.eddy.runtime.taskmanager.network;

/** The consumer side of one in-edge at buffer level. STUB: the network package defines its methods. */
public interface InputGate {
    int getNumberOfChannels();

    /** Closes channels and frees buffers. Idempotent. */
    void close();
}

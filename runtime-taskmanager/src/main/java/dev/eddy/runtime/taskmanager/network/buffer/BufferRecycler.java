package dev.eddy.runtime.taskmanager.network.buffer;

/** Takes back a buffer whose last reference was released. Called from whichever thread released it. */
public interface BufferRecycler {
    void recycle(NetworkBuffer buffer);
}

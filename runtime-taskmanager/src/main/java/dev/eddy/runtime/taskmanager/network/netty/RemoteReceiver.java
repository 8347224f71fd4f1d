package dev.eddy.runtime.taskmanager.network.netty;

import dev.eddy.runtime.taskmanager.network.buffer.NetworkBuffer;
import java.io.IOException;

/**
 * The consumer of one requested subpartition on a shared client connection (implemented by remote
 * input channels). All methods are called on the connection's event loop and must not block.
 */
public interface RemoteReceiver {
    /** A free buffer the sender was given credit for, or null if there is none (a protocol violation). */
    NetworkBuffer takeReceiveBuffer();

    /** {@code length} bytes were copied into {@code buffer} (taken from {@link #takeReceiveBuffer()}). */
    void onBuffer(NetworkBuffer buffer, int length, int sequence, int backlog);

    void onPartitionNotFound();

    /** The producer failed, the connection was lost, or the protocol was violated. */
    void onError(IOException cause);
}

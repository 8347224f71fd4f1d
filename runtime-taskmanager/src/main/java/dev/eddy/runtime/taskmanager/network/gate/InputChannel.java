package dev.eddy.runtime.taskmanager.network.gate;

import dev.eddy.runtime.taskmanager.network.InputChannelSpec;
import dev.eddy.runtime.taskmanager.network.buffer.BufferSlice;
import java.io.IOException;

/**
 * One channel of a {@link SingleInputGate}: reads one subpartition of one producer. Subclasses tell
 * the gate when they have data or failed ({@link SingleInputGate#notifyChannelNonEmpty}).
 */
abstract class InputChannel {
    final SingleInputGate gate;
    final int index;
    final InputChannelSpec spec;
    /** Guarded by the gate's lock: the channel is in the gate's queue of channels with data. */
    boolean queued;

    InputChannel(SingleInputGate gate, int index, InputChannelSpec spec) {
        this.gate = gate;
        this.index = index;
        this.spec = spec;
    }

    /** Starts requesting the subpartition (asynchronously, with retries). */
    abstract void start();

    /** The next buffer, or null; throws if the channel failed. Task thread. */
    abstract BufferSlice poll() throws IOException;

    /** Stops reading and frees the channel's buffers. Idempotent, any thread. */
    abstract void release();
}

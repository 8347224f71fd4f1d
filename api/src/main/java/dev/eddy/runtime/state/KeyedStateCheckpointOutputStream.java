package dev.eddy.runtime.state;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where an operator writes raw keyed state (e.g. its timers) during a snapshot, key group by key
 * group: call {@link #startNewKeyGroup} before the bytes of each key group (ascending, each at most
 * once, only key groups of this subtask). Task thread only; the runtime closes it.
 */
public abstract class KeyedStateCheckpointOutputStream extends OutputStream {
    public abstract void startNewKeyGroup(int keyGroupId) throws IOException;

    public abstract KeyGroupRange getKeyGroupList();

    /**
     * Has {@code write} write this stream's contents later, when the runtime supports it in the
     * asynchronous part of the checkpoint (on a snapshot thread), else now. Call it on the task
     * thread at most once per snapshot, instead of writing directly; {@code write} must then use
     * only data the task no longer changes (a copy taken now) and its own serializer duplicates.
     * The default runs {@code write} at once.
     */
    public void writeLater(DeferredWrite write) throws IOException {
        write.writeTo(this);
    }

    /** Writes a stream's contents; see {@link #writeLater}. */
    @FunctionalInterface
    public interface DeferredWrite {
        void writeTo(KeyedStateCheckpointOutputStream out) throws IOException;
    }
}

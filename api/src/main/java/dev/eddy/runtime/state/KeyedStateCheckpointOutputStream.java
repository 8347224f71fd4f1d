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
}

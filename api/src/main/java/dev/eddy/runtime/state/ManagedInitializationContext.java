package dev.eddy.runtime.state;

import dev.eddy.api.common.state.KeyedStateStore;
import dev.eddy.api.common.state.OperatorStateStore;
import java.util.OptionalLong;

/** What an operator or function gets to create (and restore) its managed state. Task thread only. */
public interface ManagedInitializationContext {
    /** True when the subtask starts from a checkpoint or savepoint (even if it holds no state of this operator). */
    boolean isRestored();

    /** The id of the checkpoint restored from, empty on a fresh start. */
    default OptionalLong getRestoredCheckpointId() {
        return OptionalLong.empty();
    }

    OperatorStateStore getOperatorStateStore();

    /** The keyed state of the current key, or null when the operator is not keyed. */
    KeyedStateStore getKeyedStateStore();
}

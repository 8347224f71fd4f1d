package dev.eddy.runtime.taskmanager.state;

import dev.eddy.api.common.state.OperatorStateStore;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.streaming.api.operators.StreamOperator;
import java.nio.file.Path;

/**
 * STUB: owned by the state helper. The state of one operator of a chain: its keyed backend (if
 * keyed), its operator state store and its raw keyed state. Restores them and takes their
 * snapshots. Task thread only, except the returned {@link AsyncSnapshot}.
 *
 * <p>Lifecycle: created after the operator's {@code setup}; {@link #initializeOperatorState} once
 * (restores the keyed backend and operator state, then calls {@code operator.initializeState});
 * {@link #snapshotState} per checkpoint; {@link #dispose} at the end (the chain disposes the keyed
 * backend itself).
 */
public final class OperatorStateHandler {
    private final String operatorUid;
    private final SnapshotableKeyedStateBackend<?> keyedBackend;
    private final OperatorSubtaskStateProto restored;
    private final Path baseDirectory;
    private final long restoredCheckpointId;

    /**
     * @param keyedBackend the operator's keyed backend, null when not keyed
     * @param restored what this subtask restores for this operator, null when nothing
     * @param baseDirectory resolves relative paths in {@code restored}
     * @param restoredCheckpointId the checkpoint the task restores from, -1 on a fresh start (the
     *        task may be restored even when this operator has no state)
     */
    public OperatorStateHandler(String operatorUid, SnapshotableKeyedStateBackend<?> keyedBackend, OperatorSubtaskStateProto restored,
            Path baseDirectory, long restoredCheckpointId, ClassLoader userClassLoader) {
        this.operatorUid = operatorUid;
        this.keyedBackend = keyedBackend;
        this.restored = restored;
        this.baseDirectory = baseDirectory;
        this.restoredCheckpointId = restoredCheckpointId;
    }

    public String getOperatorUid() {
        return operatorUid;
    }

    /** Restores keyed and operator state, then calls {@code operator.initializeState(context)}. */
    public void initializeOperatorState(StreamOperator<?> operator) throws Exception {
        if (restored != null) {
            throw new UnsupportedOperationException("STUB: OperatorStateHandler cannot restore state yet");
        }
        operator.initializeState(new dev.eddy.runtime.state.StateInitializationContext() {
            @Override
            public Iterable<dev.eddy.runtime.state.KeyGroupStatePartitionStreamProvider> getRawKeyedStateInputs() {
                return java.util.List.of();
            }

            @Override
            public boolean isRestored() {
                return restoredCheckpointId >= 0;
            }

            @Override
            public OperatorStateStore getOperatorStateStore() {
                return OperatorStateHandler.this.getOperatorStateStore();
            }

            @Override
            public dev.eddy.api.common.state.KeyedStateStore getKeyedStateStore() {
                return null;
            }
        });
    }

    /**
     * Synchronous part of the operator's snapshot: {@code operator.snapshotState(context)}, then the
     * operator state is copied and the keyed backend frozen. The async part writes the files and
     * returns the operator's state (null when the operator has no state at all).
     */
    public AsyncSnapshot<OperatorSubtaskStateProto> snapshotState(StreamOperator<?> operator, long checkpointId, long timestamp,
            CheckpointOptions options, CheckpointStreamFactory streams) throws Exception {
        throw new UnsupportedOperationException("STUB: OperatorStateHandler.snapshotState");
    }

    public OperatorStateStore getOperatorStateStore() {
        throw new UnsupportedOperationException("STUB: OperatorStateHandler.getOperatorStateStore");
    }

    /** Releases the operator state store. */
    public void dispose() {}
}

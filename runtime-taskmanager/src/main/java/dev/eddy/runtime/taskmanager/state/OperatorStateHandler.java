package dev.eddy.runtime.taskmanager.state;

import dev.eddy.api.common.state.KeyedStateStore;
import dev.eddy.api.common.state.OperatorStateStore;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.proto.OperatorStatePartProto;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupStatePartitionStreamProvider;
import dev.eddy.runtime.state.KeyedStateCheckpointOutputStream;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.StateSnapshotContext;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.streaming.api.operators.StreamOperator;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The state of one operator of a chain: its keyed backend (if keyed), its operator state store and
 * its raw keyed state. Restores them and takes their snapshots. Task thread only, except the
 * returned {@link AsyncSnapshot}.
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
    private final DefaultOperatorStateStore operatorStateStore;

    /**
     * @param keyedBackend the operator's keyed backend, null when not keyed
     * @param restored what this subtask restores for this operator, null when nothing
     * @param baseDirectory resolves relative paths in {@code restored}
     * @param restoredCheckpointId the checkpoint the task restores from, -1 on a fresh start (the
     *        task may be restored even when this operator has no state)
     * @param userClassLoader the job's class loader (unused: state serializers come from the
     *        operator's own, already deserialized, descriptors)
     */
    public OperatorStateHandler(String operatorUid, SnapshotableKeyedStateBackend<?> keyedBackend, OperatorSubtaskStateProto restored,
            Path baseDirectory, long restoredCheckpointId, ClassLoader userClassLoader) {
        this.operatorUid = operatorUid;
        this.keyedBackend = keyedBackend;
        this.restored = restored;
        this.baseDirectory = baseDirectory;
        this.restoredCheckpointId = restoredCheckpointId;
        this.operatorStateStore = new DefaultOperatorStateStore(restored == null ? List.of() : restored.getOperatorStateList());
    }

    public String getOperatorUid() {
        return operatorUid;
    }

    /** Restores keyed and operator state, then calls {@code operator.initializeState(context)}. */
    public void initializeOperatorState(StreamOperator<?> operator) throws Exception {
        List<KeyGroupStatePartitionStreamProvider> rawInputs = List.of();
        if (restored != null) {
            restoreKeyed(restored.getManagedKeyedList());
            if (restored.getRawKeyedCount() > 0) {
                rawInputs = keyedBackend == null ? List.of()
                        : RawKeyedStateInputs.of(restored.getRawKeyedList(), baseDirectory, keyedBackend.getKeyGroupRange());
            }
        }
        operator.initializeState(new InitializationContext(rawInputs));
    }

    private void restoreKeyed(List<KeyedStateHandleProto> handles) throws Exception {
        if (handles.isEmpty()) {
            return;
        }
        if (keyedBackend == null) {
            throw new IllegalStateException("Operator " + operatorUid + " has restored keyed state but is not keyed any more;"
                    + " keep the operator after keyBy(), or give the new operator another uid (and allow non-restored state)");
        }
        keyedBackend.restore(handles, baseDirectory);
    }

    /**
     * Synchronous part of the operator's snapshot: {@code operator.snapshotState(context)}, then the
     * operator state is copied and the keyed backend frozen. The async part writes the files and
     * returns the operator's state (null when the operator has no state at all).
     */
    public AsyncSnapshot<OperatorSubtaskStateProto> snapshotState(StreamOperator<?> operator, long checkpointId, long timestamp,
            CheckpointOptions options, CheckpointStreamFactory streams) throws Exception {
        SnapshotContext context = new SnapshotContext(checkpointId, timestamp);
        operator.snapshotState(context);
        RawKeyedStateOutput raw = context.raw;
        if (raw != null) {
            raw.close();
        }
        List<OperatorStatePartProto> operatorParts = operatorStateStore.snapshot();
        AsyncSnapshot<KeyedStateHandleProto> keyed = keyedBackend == null ? null : keyedBackend.snapshot(checkpointId, options, streams);
        String rawName = "raw-keyed-" + operatorUid + "-chk" + checkpointId;
        return new AsyncSnapshot<>() {
            @Override
            public OperatorSubtaskStateProto run() throws Exception {
                OperatorSubtaskStateProto.Builder b = OperatorSubtaskStateProto.newBuilder().setOperatorUid(operatorUid)
                        .addAllOperatorState(operatorParts);
                KeyedStateHandleProto keyedHandle = keyed == null ? null : keyed.run();
                if (keyedHandle != null) {
                    b.addManagedKeyed(keyedHandle);
                }
                if (raw != null) {
                    raw.runDeferredWrite();
                    if (raw.hasData()) {
                        b.addRawKeyed(raw.writeFile(streams, rawName));
                    }
                }
                boolean empty = b.getManagedKeyedCount() == 0 && b.getOperatorStateCount() == 0 && b.getRawKeyedCount() == 0;
                return empty ? null : b.build();
            }

            @Override
            public void discard() {
                if (keyed != null) {
                    keyed.discard();
                }
            }
        };
    }

    public OperatorStateStore getOperatorStateStore() {
        return operatorStateStore;
    }

    /** Releases the operator state store. */
    public void dispose() {
        operatorStateStore.dispose();
    }

    private final class InitializationContext implements StateInitializationContext {
        private final List<KeyGroupStatePartitionStreamProvider> rawInputs;
        private KeyedStateStore keyedStateStore;

        InitializationContext(List<KeyGroupStatePartitionStreamProvider> rawInputs) {
            this.rawInputs = rawInputs;
        }

        @Override
        public Iterable<KeyGroupStatePartitionStreamProvider> getRawKeyedStateInputs() {
            return rawInputs;
        }

        @Override
        public boolean isRestored() {
            return restoredCheckpointId >= 0;
        }

        @Override
        public OptionalLong getRestoredCheckpointId() {
            return restoredCheckpointId >= 0 ? OptionalLong.of(restoredCheckpointId) : OptionalLong.empty();
        }

        @Override
        public OperatorStateStore getOperatorStateStore() {
            return operatorStateStore;
        }

        @Override
        public KeyedStateStore getKeyedStateStore() {
            if (keyedBackend == null) {
                return null;
            }
            if (keyedStateStore == null) {
                keyedStateStore = new BackendKeyedStateStore(keyedBackend);
            }
            return keyedStateStore;
        }
    }

    private final class SnapshotContext implements StateSnapshotContext {
        private final long checkpointId;
        private final long timestamp;
        private RawKeyedStateOutput raw;

        SnapshotContext(long checkpointId, long timestamp) {
            this.checkpointId = checkpointId;
            this.timestamp = timestamp;
        }

        @Override
        public long getCheckpointId() {
            return checkpointId;
        }

        @Override
        public long getCheckpointTimestamp() {
            return timestamp;
        }

        @Override
        public KeyedStateCheckpointOutputStream getRawKeyedOperatorStateOutput() {
            if (keyedBackend == null) {
                throw new UnsupportedOperationException("Operator " + operatorUid + " is not keyed: raw keyed state can only be"
                        + " written by operators after keyBy()");
            }
            if (raw == null) {
                KeyGroupRange range = keyedBackend.getKeyGroupRange();
                raw = new RawKeyedStateOutput(range);
            }
            return raw;
        }
    }
}

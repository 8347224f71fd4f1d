package dev.eddy.runtime.taskmanager.state.harness;

import dev.eddy.runtime.taskmanager.state.StateBackendSettings;
import dev.eddy.runtime.taskmanager.state.heap.HeapKeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.rocksdb.RocksDBKeyedStateBackend;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/** Backend factories for the harness. */
public final class Backends {
    private Backends() {}

    public static OperatorSnapshotHarness.BackendFactory heap() {
        return (keySerializer, max, p, i) -> HeapKeyedStateBackend.forSubtask(keySerializer, max, p, i);
    }

    /** The heap backend with a manual TTL clock. */
    public static OperatorSnapshotHarness.BackendFactory heap(LongSupplier clock) {
        return (keySerializer, max, p, i) -> HeapKeyedStateBackend.forSubtask(keySerializer, max, p, i, clock);
    }

    /** RocksDB with incremental checkpoints and a manual TTL clock, files under {@code localDirectory}. */
    public static OperatorSnapshotHarness.BackendFactory rocksdb(Path localDirectory, LongSupplier clock) {
        return (keySerializer, max, p, i) -> RocksDBKeyedStateBackend.forSubtask(keySerializer, max, p, i, localDirectory,
                "harness-" + p + "-" + i, true, clock);
    }

    /** Whatever {@code state.backend.type} selects, with RocksDB files under {@code localDirectory}. */
    public static OperatorSnapshotHarness.BackendFactory fromSettings(StateBackendSettings.Kind kind, Path localDirectory) {
        StateBackendSettings settings = new StateBackendSettings(kind, localDirectory);
        return (keySerializer, max, p, i) -> settings.createKeyedBackend(keySerializer, max, p, i, "harness-" + p + "-" + i);
    }
}

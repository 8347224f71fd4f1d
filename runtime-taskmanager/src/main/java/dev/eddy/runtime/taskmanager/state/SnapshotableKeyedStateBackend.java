package dev.eddy.runtime.taskmanager.state;

import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * A keyed backend that can be checkpointed and restored. Task thread only, except the returned
 * {@link AsyncSnapshot}, which runs on an async snapshot thread while the task keeps changing state.
 *
 * <p>Savepoints ({@code options.savepoint()}) and heap checkpoints are written in the canonical
 * format ({@link KeyGroupStateFormat}), which every backend reads, at any parallelism. RocksDB
 * checkpoints may instead be incremental native checkpoints.
 */
public interface SnapshotableKeyedStateBackend<K> extends KeyedStateBackend<K> {
    /**
     * Synchronous part: freeze the current state cheaply (heap: copy-on-write by key group;
     * RocksDB: native checkpoint of hard links). The returned part writes the files.
     */
    AsyncSnapshot<KeyedStateHandleProto> snapshot(long checkpointId, CheckpointOptions options, CheckpointStreamFactory streams)
            throws Exception;

    /**
     * Restores the key groups of this backend's range from handles written by any backend at any
     * parallelism (ranges may overlap this one partially). Called once, before any state access.
     *
     * @param baseDirectory resolves relative paths in the handles (the _metadata's directory)
     */
    void restore(List<KeyedStateHandleProto> handles, Path baseDirectory) throws Exception;
}

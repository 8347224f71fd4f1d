package dev.eddy.runtime.taskmanager.state;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.configuration.CheckpointingOptions;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.StateBackendOptions;
import dev.eddy.configuration.TaskManagerOptions;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.heap.HeapKeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.rocksdb.RocksDBKeyedStateBackend;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which keyed state backend a task's keyed operators get ({@code state.backend.type}: "hashmap",
 * the default, or "rocksdb", case-insensitive) and where RocksDB puts its files (the first of
 * {@code io.tmp.dirs}, else {@code java.io.tmpdir}), and whether RocksDB checkpoints are incremental
 * ({@code execution.checkpointing.incremental}, default true; savepoints are always canonical), and
 * the size of RocksDB's write-back caches ({@code state.backend.rocksdb.write-back-cache.entries},
 * entries per value/reducing/aggregating state per subtask, 0 = off).
 * Immutable; {@link #createKeyedBackend} is called on the task thread, which then owns and disposes
 * the backend.
 */
public record StateBackendSettings(Kind kind, Path localDirectory, boolean incrementalCheckpoints, int writeBackCacheEntries) {
    /** The backend kinds and their configuration names. */
    public enum Kind {
        HASHMAP("hashmap"),
        ROCKSDB("rocksdb");

        private final String configName;

        Kind(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }
    }

    /** Settings with incremental RocksDB checkpoints and write-back caches of the default size (the defaults). */
    public StateBackendSettings(Kind kind, Path localDirectory) {
        this(kind, localDirectory, true);
    }

    /** Settings with write-back caches of the default size. */
    public StateBackendSettings(Kind kind, Path localDirectory, boolean incrementalCheckpoints) {
        this(kind, localDirectory, incrementalCheckpoints, StateBackendOptions.ROCKSDB_WRITE_BACK_CACHE_ENTRIES.defaultValue());
    }

    /** The heap backend (the default). */
    public static StateBackendSettings heap() {
        return new StateBackendSettings(Kind.HASHMAP, defaultTmpDir());
    }

    /**
     * Reads {@code state.backend.type}, {@code io.tmp.dirs}, {@code execution.checkpointing.incremental}
     * and {@code state.backend.rocksdb.write-back-cache.entries} from a job configuration.
     */
    public static StateBackendSettings fromConfiguration(Configuration conf) {
        String raw = conf.get(StateBackendOptions.STATE_BACKEND);
        Kind kind = parseKind(raw == null ? "hashmap" : raw);
        Path dir = conf.getOptional(TaskManagerOptions.TMP_DIRS)
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s.split("[," + File.pathSeparator + "]")[0].trim()))
                .orElseGet(StateBackendSettings::defaultTmpDir);
        int cacheEntries = conf.get(StateBackendOptions.ROCKSDB_WRITE_BACK_CACHE_ENTRIES);
        if (cacheEntries < 0 || cacheEntries > RocksDBKeyedStateBackend.MAX_WRITE_BACK_CACHE_ENTRIES) {
            throw new IllegalArgumentException(StateBackendOptions.ROCKSDB_WRITE_BACK_CACHE_ENTRIES.key() + " must be between 0 (off) and "
                    + RocksDBKeyedStateBackend.MAX_WRITE_BACK_CACHE_ENTRIES + ", was " + cacheEntries);
        }
        return new StateBackendSettings(kind, dir, conf.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS), cacheEntries);
    }

    static Kind parseKind(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (k.configName.equals(v)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown value '" + value + "' for " + StateBackendOptions.STATE_BACKEND.key()
                + "; accepted values are 'hashmap' and 'rocksdb' (case-insensitive)");
    }

    private static Path defaultTmpDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** A new keyed backend for subtask {@code subtaskIndex} of an operator; {@code name} names its files. */
    public <K> SnapshotableKeyedStateBackend<K> createKeyedBackend(TypeSerializer<K> keySerializer, int maxParallelism, int parallelism,
            int subtaskIndex, String name) {
        if (kind == Kind.ROCKSDB) {
            return RocksDBKeyedStateBackend.forSubtask(keySerializer, maxParallelism, parallelism, subtaskIndex, localDirectory, name,
                    incrementalCheckpoints, writeBackCacheEntries);
        }
        return HeapKeyedStateBackend.forSubtask(keySerializer, maxParallelism, parallelism, subtaskIndex);
    }
}

package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The backends of the write-back cache tests: RocksDB backends over all key groups under one
 * directory, snapshots of them (checkpoints with shared files, or savepoints), and disposal of
 * every backend a test made. One per test; the test's thread only.
 */
final class CachedBackends implements AutoCloseable {
    static final int MAX_PARALLELISM = 128;
    private final Path dir;
    private final String prefix;
    private final List<KeyedStateBackend<?>> backends = new ArrayList<>();
    private int checkpointIds;

    CachedBackends(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
    }

    /** A RocksDB backend of Long keys over all key groups whose caches hold {@code cacheEntries} entries (0: no cache). */
    RocksDBKeyedStateBackend<Long> rocks(int cacheEntries) {
        return track(new RocksDBKeyedStateBackend<>(new LongSerializer(), MAX_PARALLELISM, KeyGroupRange.of(0, MAX_PARALLELISM - 1),
                dir.resolve("local"), prefix + "-" + backends.size(), true, System::currentTimeMillis, cacheEntries));
    }

    /** Disposes {@code backend} with the others when the test ends. */
    <B extends KeyedStateBackend<?>> B track(B backend) {
        backends.add(backend);
        return backend;
    }

    /** A checkpoint (files in {@code chk-<id>}, shared files in {@code shared}) or a savepoint of {@code b}. */
    KeyedStateHandleProto snapshot(RocksDBKeyedStateBackend<Long> b, boolean savepoint) throws Exception {
        long id = ++checkpointIds;
        CheckpointOptions o = new CheckpointOptions(savepoint, true, dir.resolve((savepoint ? "savepoint-" : "chk-") + id),
                savepoint ? null : dir.resolve("shared"), false);
        return b.snapshot(id, o, CheckpointStreamFactory.forOptions(o)).run();
    }

    @Override
    public void close() {
        backends.forEach(KeyedStateBackend::dispose);
    }
}

package dev.eddy.runtime.taskmanager.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.configuration.Configuration;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.heap.HeapKeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.rocksdb.RocksDBKeyedStateBackend;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateBackendSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void defaultIsTheHeapBackend() {
        StateBackendSettings s = StateBackendSettings.fromConfiguration(Configuration.fromMap(Map.of()));
        assertThat(s.kind()).isEqualTo(StateBackendSettings.Kind.HASHMAP);
        KeyedStateBackend<Long> b = s.createKeyedBackend(new LongSerializer(), 128, 1, 0, "t");
        assertThat(b).isInstanceOf(HeapKeyedStateBackend.class);
    }

    @Test
    void rocksdbIsCaseInsensitiveAndUsesTheFirstTmpDir() {
        StateBackendSettings s = StateBackendSettings.fromConfiguration(Configuration.fromMap(
                Map.of("state.backend.type", " RocksDB ", "io.tmp.dirs", tmp + ",/nonexistent")));
        assertThat(s.kind()).isEqualTo(StateBackendSettings.Kind.ROCKSDB);
        assertThat(s.localDirectory()).isEqualTo(tmp);
        KeyedStateBackend<Long> b = s.createKeyedBackend(new LongSerializer(), 128, 1, 0, "t");
        try {
            assertThat(b).isInstanceOf(RocksDBKeyedStateBackend.class);
            assertThat(((RocksDBKeyedStateBackend<Long>) b).getDirectory()).startsWith(tmp);
        } finally {
            b.dispose();
        }
    }

    @Test
    void incrementalCheckpointsDefaultToTrueAndReachTheRocksDBBackend() {
        assertThat(StateBackendSettings.fromConfiguration(Configuration.fromMap(Map.of())).incrementalCheckpoints()).isTrue();
        StateBackendSettings s = StateBackendSettings.fromConfiguration(Configuration.fromMap(
                Map.of("state.backend.type", "rocksdb", "io.tmp.dirs", tmp.toString(), "execution.checkpointing.incremental", "false")));
        assertThat(s.incrementalCheckpoints()).isFalse();
        RocksDBKeyedStateBackend<Long> b = (RocksDBKeyedStateBackend<Long>) s.createKeyedBackend(new LongSerializer(), 128, 1, 0, "t");
        try {
            assertThat(b.isIncrementalCheckpoints()).isFalse();
        } finally {
            b.dispose();
        }
        assertThat(new StateBackendSettings(StateBackendSettings.Kind.ROCKSDB, tmp).incrementalCheckpoints()).isTrue();
    }

    @Test
    void writeBackCacheSizeDefaultsTo16384AndReachesTheRocksDBBackend() {
        assertThat(StateBackendSettings.fromConfiguration(Configuration.fromMap(Map.of())).writeBackCacheEntries()).isEqualTo(16384);
        assertThat(new StateBackendSettings(StateBackendSettings.Kind.ROCKSDB, tmp).writeBackCacheEntries()).isEqualTo(16384);
        StateBackendSettings s = StateBackendSettings.fromConfiguration(Configuration.fromMap(
                Map.of("state.backend.type", "rocksdb", "io.tmp.dirs", tmp.toString(), "state.backend.rocksdb.write-back-cache.entries", "0")));
        RocksDBKeyedStateBackend<Long> b = (RocksDBKeyedStateBackend<Long>) s.createKeyedBackend(new LongSerializer(), 128, 1, 0, "t");
        try {
            assertThat(b.getWriteBackCacheEntries()).isZero();
        } finally {
            b.dispose();
        }
        assertThatThrownBy(() -> StateBackendSettings.fromConfiguration(Configuration.fromMap(
                Map.of("state.backend.rocksdb.write-back-cache.entries", "-1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state.backend.rocksdb.write-back-cache.entries");
    }

    @Test
    void unknownValueNamesTheKeyAndTheAcceptedValues() {
        assertThatThrownBy(() -> StateBackendSettings.fromConfiguration(Configuration.fromMap(Map.of("state.backend.type", "memory"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'memory'").hasMessageContaining("state.backend.type")
                .hasMessageContaining("hashmap").hasMessageContaining("rocksdb");
    }
}

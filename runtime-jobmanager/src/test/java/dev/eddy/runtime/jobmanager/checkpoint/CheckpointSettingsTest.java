package dev.eddy.runtime.jobmanager.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.configuration.Configuration;
import dev.eddy.proto.JobGraphProto;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointSettingsTest {
    private static CheckpointSettings of(Map<String, String> config) {
        return CheckpointSettings.fromConfiguration(Configuration.fromMap(config));
    }

    @Test
    void defaults() {
        CheckpointSettings s = of(Map.of());
        assertThat(s.periodic()).isFalse();
        assertThat(s.exactlyOnce()).isTrue();
        assertThat(s.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.minPause()).isZero();
        assertThat(s.maxConcurrent()).isEqualTo(1);
        assertThat(s.tolerableFailures()).isZero();
        assertThat(s.numRetained()).isEqualTo(1);
        assertThat(s.checkpointsRoot()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "eddy-checkpoints").toAbsolutePath());
        assertThat(s.savepointDir()).isNull();
        assertThat(s.incremental()).isTrue();
        assertThat(s.restorePath()).isNull();
        assertThat(s.allowNonRestoredState()).isFalse();
        assertThat(s.retention()).isEqualTo(CheckpointSettings.Retention.NO_EXTERNALIZED_CHECKPOINTS);
    }

    @Test
    void retentionDecidesPerFinalState() {
        var keepOnCancel = CheckpointSettings.Retention.RETAIN_ON_CANCELLATION;
        assertThat(keepOnCancel.discardsOn("CANCELED")).isFalse();
        assertThat(keepOnCancel.discardsOn("FAILED")).isFalse();
        assertThat(keepOnCancel.discardsOn("FINISHED")).isTrue();
        var deleteOnCancel = CheckpointSettings.Retention.DELETE_ON_CANCELLATION;
        assertThat(deleteOnCancel.discardsOn("CANCELED")).isTrue();
        assertThat(deleteOnCancel.discardsOn("FAILED")).isFalse();
        assertThat(CheckpointSettings.Retention.NO_EXTERNALIZED_CHECKPOINTS.discardsOn("FAILED")).isTrue();
        assertThat(of(Map.of("execution.checkpointing.externalized-checkpoint-retention", "retain_on_cancellation")).retention())
                .isEqualTo(keepOnCancel);
    }

    @Test
    void readsFlinkKeys() {
        CheckpointSettings s = of(Map.of("execution.checkpointing.interval", "5 s", "execution.checkpointing.mode", "AT_LEAST_ONCE",
                "execution.checkpointing.timeout", "1 min", "execution.checkpointing.min-pause", "500 ms",
                "execution.checkpointing.max-concurrent-checkpoints", "2", "execution.checkpointing.tolerable-failed-checkpoints", "3",
                "execution.checkpointing.num-retained", "4", "execution.checkpointing.dir", "/data/chk",
                "execution.checkpointing.savepoint-dir", "/data/sp", "execution.checkpointing.incremental", "false"));
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.exactlyOnce()).isFalse();
        assertThat(s.timeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.minPause()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.maxConcurrent()).isEqualTo(2);
        assertThat(s.tolerableFailures()).isEqualTo(3);
        assertThat(s.numRetained()).isEqualTo(4);
        assertThat(s.jobDirectory("j1")).isEqualTo(Path.of("/data/chk/j1"));
        assertThat(s.savepointDir()).isEqualTo("/data/sp");
        assertThat(s.incremental()).isFalse();
    }

    @Test
    void restorePathFromTheJobGraphWinsOverTheConfiguration() {
        JobGraphProto job = JobGraphProto.newBuilder().putJobConfiguration("execution.state-recovery.path", "/a")
                .putJobConfiguration("execution.state-recovery.ignore-unclaimed-state", "true").build();
        CheckpointSettings fromConfig = CheckpointSettings.fromJobGraph(job);
        assertThat(fromConfig.restorePath()).isEqualTo("/a");
        assertThat(fromConfig.allowNonRestoredState()).isTrue();
        CheckpointSettings fromGraph = CheckpointSettings.fromJobGraph(job.toBuilder().setSavepointPath("/b").build());
        assertThat(fromGraph.restorePath()).isEqualTo("/b");
    }

    @Test
    void badValuesNameTheKeyAndTheRule() {
        assertThatThrownBy(() -> of(Map.of("execution.checkpointing.interval", "1 ms")))
                .hasMessage("Bad checkpoint setting execution.checkpointing.interval = '1 ms': must be at least 10 ms "
                        + "(leave it unset to disable periodic checkpoints)");
        assertThatThrownBy(() -> of(Map.of("execution.checkpointing.mode", "twice")))
                .hasMessageContaining("execution.checkpointing.mode = 'twice': use EXACTLY_ONCE or AT_LEAST_ONCE");
        assertThatThrownBy(() -> of(Map.of("execution.checkpointing.max-concurrent-checkpoints", "0")))
                .hasMessageContaining("max-concurrent-checkpoints = '0': must be at least 1");
        assertThatThrownBy(() -> of(Map.of("execution.checkpointing.tolerable-failed-checkpoints", "-1")))
                .hasMessageContaining("must be 0 or more");
        assertThatThrownBy(() -> of(Map.of("execution.checkpointing.num-retained", "0")))
                .hasMessageContaining("num-retained = '0': must be at least 1");
        assertThatThrownBy(() -> of(Map.of("execution.checkpointing.externalized-checkpoint-retention", "forever")))
                .hasMessageContaining("use NO_EXTERNALIZED_CHECKPOINTS, RETAIN_ON_CANCELLATION or DELETE_ON_CANCELLATION");
        assertThatThrownBy(() -> of(Map.of("execution.checkpointing.interval", "soon")))
                .hasMessageContaining("execution.checkpointing.interval").hasMessageContaining("soon");
    }
}

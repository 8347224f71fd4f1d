package dev.eddy.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.HeartbeatManagerOptions;
import dev.eddy.configuration.JobManagerOptions;
import dev.eddy.configuration.TaskManagerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalConfigurationTest {
    @TempDir
    Path dir;

    private void write(String yaml) throws Exception {
        Files.writeString(dir.resolve("config.yaml"), yaml);
    }

    @Test
    void flatKeys() throws Exception {
        write("# comment\njobmanager.rpc.address: jm.example\njobmanager.rpc.port: 7000\nheartbeat.timeout: 30 s\n");
        Configuration c = GlobalConfiguration.loadConfiguration(dir);
        assertThat(c.get(JobManagerOptions.ADDRESS)).isEqualTo("jm.example");
        assertThat(c.get(JobManagerOptions.PORT)).isEqualTo(7000);
        assertThat(c.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void nestedMapsAreFlattenedAndMixWithFlatKeys() throws Exception {
        write("jobmanager:\n  rpc:\n    address: nested-host\n    port: 7001\ntaskmanager.numberOfTaskSlots: 4\n"
                + "io:\n  tmp.dirs: [/a, /b]\n");
        Configuration c = GlobalConfiguration.loadConfiguration(dir);
        assertThat(c.toMap()).containsEntry("jobmanager.rpc.address", "nested-host")
                .containsEntry("jobmanager.rpc.port", "7001")
                .containsEntry("io.tmp.dirs", "/a;/b");
        assertThat(c.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(4);
    }

    @Test
    void dynamicPropertiesOverrideTheFile() throws Exception {
        write("jobmanager.rpc.port: 7000\nparallelism.default: 2\n");
        Configuration c = GlobalConfiguration.loadConfiguration(dir, Map.of("jobmanager.rpc.port", "8000"));
        assertThat(c.get(JobManagerOptions.PORT)).isEqualTo(8000);
        assertThat(c.getString("parallelism.default", null)).isEqualTo("2");
    }

    @Test
    void missingFileOrDirMeansDefaults() {
        assertThat(GlobalConfiguration.loadConfiguration(dir).keySet()).isEmpty();
        assertThat(GlobalConfiguration.loadConfiguration(null, Map.of("a", "b")).toMap()).isEqualTo(Map.of("a", "b"));
        assertThat(GlobalConfiguration.loadConfiguration(dir).get(JobManagerOptions.PORT)).isEqualTo(6123);
    }

    @Test
    void emptyFileMeansDefaults() throws Exception {
        write("# nothing set\n");
        assertThat(GlobalConfiguration.loadConfiguration(dir).keySet()).isEmpty();
    }

    @Test
    void malformedYamlNamesFileAndLine() throws Exception {
        write("jobmanager.rpc.port: 6123\nparallelism.default: 1\n  bad: [unclosed\n");
        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining(dir.resolve("config.yaml").toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void topLevelMustBeAMap() throws Exception {
        write("- just\n- a list\n");
        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir))
                .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("map of 'key: value'");
    }

    @Test
    void confDirResolution() {
        Path dist = Path.of("/opt/eddy");
        assertThat(GlobalConfiguration.resolveConfDir(Map.of("EDDY_CONF_DIR", "/etc/eddy"), dist)).contains(Path.of("/etc/eddy"));
        assertThat(GlobalConfiguration.resolveConfDir(Map.of(), dist)).contains(Path.of("/opt/eddy/conf"));
        assertThat(GlobalConfiguration.resolveConfDir(Map.of(), null)).isEmpty();
    }

    @Test
    void scriptHelperReadsNestedKeysAndConvertsHeapSizes() throws Exception {
        write("taskmanager:\n  memory:\n    heap.size: 1 gb\njobmanager.memory.heap.size: 256m\n");
        assertThat(ConfigValue.lookup(dir, "taskmanager.memory.heap.size", "1g", true)).isEqualTo("1024m");
        assertThat(ConfigValue.lookup(dir, "jobmanager.memory.heap.size", "512m", true)).isEqualTo("256m");
        assertThat(ConfigValue.lookup(dir, "other.heap", "512m", true)).isEqualTo("512m");
        assertThat(ConfigValue.lookup(dir, "missing.key", "dflt", false)).isEqualTo("dflt");
        write("jobmanager.memory.heap.size: lots\n");
        assertThatThrownBy(() -> ConfigValue.lookup(dir, "jobmanager.memory.heap.size", "512m", true))
                .hasMessageContaining("Invalid memory size 'lots' for jobmanager.memory.heap.size");
    }
}

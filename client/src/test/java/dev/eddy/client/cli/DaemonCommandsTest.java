package dev.eddy.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DaemonCommandsTest {
    @Test
    void jobManagerOnABusyPortExplainsWhy() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.of(new ScriptedDispatcher(), null, "jobmanager", "-D", "jobmanager.bind-host=127.0.0.1",
                    "-D", "jobmanager.rpc.port=" + taken.getLocalPort());
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("Could not start the JobManager: ")
                    .contains("Address already in use").contains("Is another JobManager running");
        }
    }

    @Test
    void daemonHelp() {
        CliRun jm = CliRun.of(new ScriptedDispatcher(), null, "jobmanager", "--help");
        assertThat(jm.exitCode()).isZero();
        assertThat(jm.out()).contains("Runs a JobManager in the foreground").contains("-D");
        CliRun tm = CliRun.of(new ScriptedDispatcher(), null, "taskmanager", "--help");
        assertThat(tm.out()).contains("Runs a TaskManager in the foreground").contains("--jobmanager");
    }
}

package dev.eddy.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.client.deployment.GrpcDispatcherConnector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real gRPC connector against a port nobody listens on. */
class UnreachableJobManagerTest {
    @Test
    void listAgainstAClosedPortSaysWhereItTriedToConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EddyCli.execute(new String[] {"list", "-m", "127.0.0.1:" + port}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), null, new GrpcDispatcherConnector());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Could not connect to the JobManager at 127.0.0.1:" + port + ": ");
    }
}

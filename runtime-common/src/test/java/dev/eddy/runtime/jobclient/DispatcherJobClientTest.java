package dev.eddy.runtime.jobclient;

import static dev.eddy.runtime.jobclient.FakeDispatcherGateway.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.JobExecutionResult;
import dev.eddy.api.common.JobID;
import dev.eddy.api.common.JobStatus;
import dev.eddy.core.execution.JobExecutionException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DispatcherJobClientTest {
    private final JobID id = JobID.generate();
    private final String hex = id.toHexString();
    private final AtomicInteger released = new AtomicInteger();

    private DispatcherJobClient client(FakeDispatcherGateway gateway, int maxFailures) {
        return new DispatcherJobClient(id, gateway, Duration.ofMillis(5), maxFailures, released::incrementAndGet);
    }

    @Test
    void finishedJobCompletesWithRuntimeAndReleasesOnce() throws Exception {
        FakeDispatcherGateway gateway = new FakeDispatcherGateway()
                .then(status(hex, "RUNNING", ""), status(hex, "RUNNING", ""), status(hex, "FINISHED", ""));
        DispatcherJobClient client = client(gateway, 3);

        JobExecutionResult result = client.getJobExecutionResult().get(5, TimeUnit.SECONDS);

        assertThat(result.getJobID()).isEqualTo(id);
        assertThat(result.getNetRuntime()).isEqualTo(500);
        assertThat(gateway.statusRequests.get()).isGreaterThanOrEqualTo(3);
        assertThat(released.get()).isEqualTo(1);
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
        client.close();
        assertThat(released.get()).isEqualTo(1);
    }

    @Test
    void failedJobCarriesTheRemoteFailureText() {
        FakeDispatcherGateway gateway = new FakeDispatcherGateway()
                .then(status(hex, "RUNNING", ""), status(hex, "FAILED", "java.lang.IllegalStateException: boom\n\tat Job.map"));
        DispatcherJobClient client = client(gateway, 3);

        assertThatThrownBy(() -> client.getJobExecutionResult().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(JobExecutionException.class)
                .hasMessageContaining(hex + " failed")
                .hasMessageContaining("IllegalStateException: boom");
        assertThat(released.get()).isEqualTo(1);
    }

    @Test
    void canceledJobFailsTheResult() {
        FakeDispatcherGateway gateway = new FakeDispatcherGateway().then(status(hex, "CANCELED", ""));
        DispatcherJobClient client = client(gateway, 3);

        assertThatThrownBy(() -> client.getJobExecutionResult().get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(JobExecutionException.class).hasMessageContaining("was canceled");
    }

    @Test
    void transientPollFailuresAreToleratedButPersistentOnesFail() throws Exception {
        FakeDispatcherGateway flaky = new FakeDispatcherGateway()
                .then(new IOException("blip"), new IOException("blip"), status(hex, "FINISHED", ""));
        assertThat(client(flaky, 3).getJobExecutionResult().get(5, TimeUnit.SECONDS).getJobID()).isEqualTo(id);

        FakeDispatcherGateway dead = new FakeDispatcherGateway().then(new IOException("connection refused"));
        DispatcherJobClient client = client(dead, 3);
        assertThatThrownBy(() -> client.getJobExecutionResult().get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("after 3 failed status requests: connection refused");
        assertThat(dead.statusRequests.get()).isEqualTo(3);
    }

    @Test
    void cancelGoesToTheGatewayAndCloseStopsWaiting() {
        FakeDispatcherGateway gateway = new FakeDispatcherGateway().then(status(hex, "RUNNING", ""));
        DispatcherJobClient client = client(gateway, 3);

        client.cancel().join();
        assertThat(gateway.cancelled).containsExactly(hex);

        client.close();
        assertThat(released.get()).isEqualTo(1);
        assertThat(client.getJobExecutionResult()).isCompletedExceptionally();
    }
}

package dev.eddy.client.cli;

import dev.eddy.client.deployment.ClientOptions;
import dev.eddy.client.deployment.DispatcherConnection;
import dev.eddy.client.deployment.JobManagerUnreachableException;
import dev.eddy.client.deployment.RpcErrors;
import dev.eddy.configuration.Configuration;
import dev.eddy.runtime.gateway.DispatcherGateway;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** One blocking request to the JobManager for list/status/cancel, with user-facing errors. */
final class ClusterCalls {
    private ClusterCalls() {}

    static <T> T call(CliContext context, Configuration configuration, Function<DispatcherGateway, CompletableFuture<T>> request) {
        return call(context, configuration, request, configuration.get(ClientOptions.CLIENT_TIMEOUT));
    }

    /** As {@link #call(CliContext, Configuration, Function)} with an explicit wait (savepoints may take long). */
    static <T> T call(CliContext context, Configuration configuration, Function<DispatcherGateway, CompletableFuture<T>> request,
            Duration timeout) {
        String address = JobManagerAddress.of(configuration);
        try (DispatcherConnection connection = context.connector.connect(address)) {
            return request.apply(connection.gateway()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while waiting for the JobManager at " + address);
        } catch (TimeoutException e) {
            throw new CliException("Could not connect to the JobManager at " + address + ": no answer within " + timeout.toSeconds()
                    + " s (client.timeout). Check that the JobManager is running and reachable.", e);
        } catch (Exception e) {
            Throwable cause = RpcErrors.unwrap(e);
            if (RpcErrors.isUnreachable(cause)) {
                throw new CliException(new JobManagerUnreachableException(address, cause).getMessage(), cause);
            }
            throw new CliException(RpcErrors.describe(cause), cause);
        }
    }
}

package dev.eddy.runtime.rpc;

import dev.eddy.proto.SavepointRequest;
import dev.eddy.proto.SavepointResponse;
import dev.eddy.proto.CancelJobResponse;
import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.ClusterOverviewRequest;
import dev.eddy.proto.DispatcherServiceGrpc;
import dev.eddy.proto.JarChunk;
import dev.eddy.proto.JarUploaded;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobIdRequest;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.ListJobsRequest;
import dev.eddy.proto.ListJobsResponse;
import dev.eddy.proto.SubmitJobRequest;
import dev.eddy.proto.SubmitJobResponse;
import dev.eddy.runtime.gateway.DispatcherGateway;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Client-side {@link DispatcherGateway} over gRPC. Thread-safe; failures complete futures with
 * {@link RpcException}. The channel belongs to the caller.
 */
public final class GrpcDispatcherGateway implements DispatcherGateway {
    private final DispatcherServiceGrpc.DispatcherServiceStub stub;
    private final String address;
    private final Duration timeout;

    public GrpcDispatcherGateway(Channel channel) {
        this(channel, RpcTimeouts.DEFAULT_CALL_TIMEOUT);
    }

    /** @param timeout deadline of each unary call; uploads get {@link RpcTimeouts#transferTimeout}. */
    public GrpcDispatcherGateway(Channel channel, Duration timeout) {
        this.stub = DispatcherServiceGrpc.newStub(channel);
        this.address = channel.authority();
        this.timeout = timeout;
    }

    private DispatcherServiceGrpc.DispatcherServiceStub withDeadline(Duration d) {
        return stub.withDeadlineAfter(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<String> uploadJar(Path jar) {
        InputStream in;
        try {
            in = Files.newInputStream(jar);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Cannot read the jar " + jar + ": " + e, e));
        }
        String fileName = jar.getFileName() == null ? "" : jar.getFileName().toString();
        CompletableFuture<String> result = new CompletableFuture<>();
        UploadObserver observer = new UploadObserver(in, fileName, result);
        withDeadline(RpcTimeouts.transferTimeout(timeout)).uploadJar(observer);
        observer.sender.drain();
        return result;
    }

    private final class UploadObserver implements ClientResponseObserver<JarChunk, JarUploaded> {
        private final InputStream in;
        private final String fileName;
        private final CompletableFuture<String> result;
        private FileChunkSender sender;
        private JarUploaded response;

        UploadObserver(InputStream in, String fileName, CompletableFuture<String> result) {
            this.in = in;
            this.fileName = fileName;
            this.result = result;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<JarChunk> requestStream) {
            sender = new FileChunkSender(in, fileName, requestStream);
            requestStream.setOnReadyHandler(sender::drain);
        }

        @Override
        public void onNext(JarUploaded value) {
            response = value;
        }

        @Override
        public void onError(Throwable t) {
            sender.abort();
            result.completeExceptionally(RpcErrors.fromStatus(t, address));
        }

        @Override
        public void onCompleted() {
            sender.abort();
            if (response == null) {
                result.completeExceptionally(new RpcException(io.grpc.Status.Code.INTERNAL,
                        "The JobManager at " + address + " ended the jar upload without a result"));
            } else {
                result.complete(response.getSha256());
            }
        }
    }

    @Override
    public CompletableFuture<String> submitJob(JobGraphProto jobGraph) {
        SubmitJobRequest request = SubmitJobRequest.newBuilder().setJobGraph(jobGraph).build();
        return ClientCalls.<SubmitJobResponse, String>unary(address, o -> withDeadline(timeout).submitJob(request, o),
                SubmitJobResponse::getJobId);
    }

    @Override
    public CompletableFuture<List<JobStatusProto>> listJobs() {
        return ClientCalls.<ListJobsResponse, List<JobStatusProto>>unary(address,
                o -> withDeadline(timeout).listJobs(ListJobsRequest.getDefaultInstance(), o), ListJobsResponse::getJobsList);
    }

    @Override
    public CompletableFuture<JobStatusProto> getJobStatus(String jobId) {
        return ClientCalls.unary(address, o -> withDeadline(timeout).getJobStatus(jobIdRequest(jobId), o));
    }

    @Override
    public CompletableFuture<dev.eddy.proto.JobWatermarksProto> getJobWatermarks(String jobId) {
        return ClientCalls.unary(address, o -> withDeadline(timeout).getJobWatermarks(jobIdRequest(jobId), o));
    }

    @Override
    public CompletableFuture<String> cancelJob(String jobId) {
        return ClientCalls.<CancelJobResponse, String>unary(address, o -> withDeadline(timeout).cancelJob(jobIdRequest(jobId), o),
                CancelJobResponse::getState);
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String jobId, String targetDirectory, boolean stop) {
        SavepointRequest request = SavepointRequest.newBuilder().setJobId(jobId)
                .setTargetDirectory(targetDirectory == null ? "" : targetDirectory).setStop(stop).build();
        return ClientCalls.<SavepointResponse, String>unary(address,
                o -> withDeadline(java.time.Duration.ofMinutes(15)).triggerSavepoint(request, o), SavepointResponse::getSavepointPath);
    }

    @Override
    public CompletableFuture<ClusterOverview> getClusterOverview() {
        return ClientCalls.unary(address, o -> withDeadline(timeout).getClusterOverview(ClusterOverviewRequest.getDefaultInstance(), o));
    }

    private static JobIdRequest jobIdRequest(String jobId) {
        return JobIdRequest.newBuilder().setJobId(jobId).build();
    }
}

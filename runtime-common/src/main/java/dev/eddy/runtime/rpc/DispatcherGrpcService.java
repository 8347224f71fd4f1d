package dev.eddy.runtime.rpc;

import dev.eddy.proto.SavepointRequest;
import dev.eddy.proto.SavepointResponse;
import dev.eddy.proto.CancelJobResponse;
import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.ClusterOverviewRequest;
import dev.eddy.proto.DispatcherServiceGrpc;
import dev.eddy.proto.JarChunk;
import dev.eddy.proto.JarUploaded;
import dev.eddy.proto.JobIdRequest;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.ListJobsRequest;
import dev.eddy.proto.ListJobsResponse;
import dev.eddy.proto.SubmitJobRequest;
import dev.eddy.proto.SubmitJobResponse;
import dev.eddy.runtime.gateway.BlobStore;
import dev.eddy.runtime.gateway.DispatcherGateway;
import io.grpc.stub.StreamObserver;

/**
 * gRPC front of the Dispatcher on the JobManager: jar uploads go to the {@link BlobStore}, every
 * other call is delegated to the {@link DispatcherGateway} and answered when its future completes.
 */
public final class DispatcherGrpcService extends DispatcherServiceGrpc.DispatcherServiceImplBase {
    private final DispatcherGateway dispatcher;
    private final BlobStore blobStore;

    public DispatcherGrpcService(DispatcherGateway dispatcher, BlobStore blobStore) {
        this.dispatcher = dispatcher;
        this.blobStore = blobStore;
    }

    @Override
    public StreamObserver<JarChunk> uploadJar(StreamObserver<JarUploaded> responseObserver) {
        return new JarUploadReceiver(blobStore, responseObserver);
    }

    @Override
    public void submitJob(SubmitJobRequest request, StreamObserver<SubmitJobResponse> observer) {
        ServerCalls.reply(() -> dispatcher.submitJob(request.getJobGraph()),
                id -> SubmitJobResponse.newBuilder().setJobId(id).build(), observer);
    }

    @Override
    public void listJobs(ListJobsRequest request, StreamObserver<ListJobsResponse> observer) {
        ServerCalls.reply(dispatcher::listJobs, jobs -> ListJobsResponse.newBuilder().addAllJobs(jobs).build(), observer);
    }

    @Override
    public void getJobStatus(JobIdRequest request, StreamObserver<JobStatusProto> observer) {
        ServerCalls.reply(() -> dispatcher.getJobStatus(request.getJobId()), observer);
    }

    @Override
    public void getJobWatermarks(JobIdRequest request, StreamObserver<dev.eddy.proto.JobWatermarksProto> observer) {
        ServerCalls.reply(() -> dispatcher.getJobWatermarks(request.getJobId()), observer);
    }

    @Override
    public void cancelJob(JobIdRequest request, StreamObserver<CancelJobResponse> observer) {
        ServerCalls.reply(() -> dispatcher.cancelJob(request.getJobId()),
                state -> CancelJobResponse.newBuilder().setState(state).build(), observer);
    }

    @Override
    public void triggerSavepoint(SavepointRequest request, StreamObserver<SavepointResponse> observer) {
        ServerCalls.reply(() -> dispatcher.triggerSavepoint(request.getJobId(), request.getTargetDirectory(), request.getStop()),
                path -> SavepointResponse.newBuilder().setSavepointPath(path).build(), observer);
    }

    @Override
    public void getClusterOverview(ClusterOverviewRequest request, StreamObserver<ClusterOverview> observer) {
        ServerCalls.reply(dispatcher::getClusterOverview, observer);
    }
}

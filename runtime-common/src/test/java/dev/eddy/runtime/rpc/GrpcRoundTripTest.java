package dev.eddy.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.proto.Ack;
import dev.eddy.proto.HeartbeatRequest;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.proto.RegisterTaskManagerRequest;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.proto.TaskExecutionStateProto;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrpcRoundTripTest {
    private static final long MAX_JAR = 3 * 1024 * 1024;
    /** Kept referenced: the garbage test would otherwise log a stack trace per rejected connection. */
    private static final java.util.logging.Logger TRANSPORT_LOG =
            java.util.logging.Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerTransport");

    static {
        TRANSPORT_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    @TempDir
    Path tmp;
    private Path storeDir;
    private FakeGateways.FakeDispatcher dispatcher;
    private FakeGateways.FakeBlobStore blobStore;
    private FakeGateways.FakeResourceManager resourceManager;
    private FakeGateways.FakeJobMaster jobMaster;
    private FakeGateways.FakeTaskExecutor taskExecutor;
    private GrpcServer server;
    private ManagedChannel channel;
    private String address;

    @BeforeEach
    void start() throws IOException {
        storeDir = Files.createDirectories(tmp.resolve("store"));
        dispatcher = new FakeGateways.FakeDispatcher();
        blobStore = new FakeGateways.FakeBlobStore(storeDir, MAX_JAR);
        resourceManager = new FakeGateways.FakeResourceManager();
        jobMaster = new FakeGateways.FakeJobMaster();
        taskExecutor = new FakeGateways.FakeTaskExecutor();
        server = GrpcServer.start("127.0.0.1", 0,
                new DispatcherGrpcService(dispatcher, blobStore), new BlobGrpcService(blobStore),
                new ResourceManagerGrpcService(resourceManager), new JobMasterGrpcService(jobMaster),
                new TaskExecutorGrpcService(taskExecutor));
        address = "127.0.0.1:" + server.getPort();
        channel = GrpcChannels.create(address);
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }

    private static <T> T await(CompletableFuture<T> f) {
        return f.orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static RpcException rpcFailure(CompletableFuture<?> f) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> await(f));
        assertThat(t).isInstanceOf(CompletionException.class);
        assertThat(t.getCause()).isInstanceOf(RpcException.class);
        return (RpcException) t.getCause();
    }

    @Test
    void dispatcherCallsRoundTrip() {
        GrpcDispatcherGateway client = new GrpcDispatcherGateway(channel);
        JobGraphProto job = JobGraphProto.newBuilder().setJobId("0123456789abcdef0123456789abcdef").setJobName("wc")
                .addVertices(JobVertexProto.newBuilder().setId("v1").setName("Source: x").setParallelism(2)).build();

        assertThat(await(client.submitJob(job))).isEqualTo(job.getJobId());
        assertThat(dispatcher.submitted).containsExactly(job);
        assertThat(await(client.listJobs())).extracting(JobStatusProto::getJobName).containsExactly("wc");
        assertThat(await(client.getJobStatus(job.getJobId())).getState()).isEqualTo("RUNNING");
        assertThat(await(client.cancelJob(job.getJobId()))).isEqualTo("CANCELLING");
        assertThat(await(client.getClusterOverview()).getSlotsFree()).isEqualTo(3);
    }

    @Test
    void serverErrorsKeepTheirMessageAndMapToCodes() {
        GrpcDispatcherGateway client = new GrpcDispatcherGateway(channel);
        RpcException notFound = rpcFailure(client.getJobStatus("feed"));
        assertThat(notFound.getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(notFound).hasMessage("No job with id feed");
        assertThat(rpcFailure(client.cancelJob("feed"))).hasMessage("No job with id feed");

        dispatcher.override = () -> CompletableFuture.failedFuture(new IllegalArgumentException("Job graph has no vertices"));
        RpcException invalid = rpcFailure(client.submitJob(JobGraphProto.getDefaultInstance()));
        assertThat(invalid.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(invalid).hasMessage("Job graph has no vertices");

        dispatcher.override = () -> {
            throw new IllegalStateException("The dispatcher is shutting down");
        };
        RpcException precondition = rpcFailure(client.listJobs());
        assertThat(precondition.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(precondition).hasMessage("The dispatcher is shutting down");

        RpcException internal = rpcFailure(new GrpcTaskExecutorGateway(channel).freeSlot("a1", "j1"));
        assertThat(internal.getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(internal).hasMessage("Slot a1 is not allocated to job j1");
    }

    @Test
    void taskManagerFacingCallsRoundTrip() {
        GrpcResourceManagerGateway rm = new GrpcResourceManagerGateway(channel);
        var reg = await(rm.registerTaskManager(RegisterTaskManagerRequest.newBuilder().setTaskManagerId("tm-1").setNumberOfSlots(2).build()));
        assertThat(reg.getAccepted()).isTrue();
        assertThat(reg.getHeartbeatTimeoutMillis()).isEqualTo(5000);
        assertThat(await(rm.heartbeat(HeartbeatRequest.newBuilder().setTaskManagerId("tm-1").build())).getKnown()).isTrue();
        assertThat(await(rm.heartbeat(HeartbeatRequest.newBuilder().setTaskManagerId("tm-2").build())).getKnown()).isFalse();
        assertThat(rpcFailure(rm.registerTaskManager(RegisterTaskManagerRequest.newBuilder().setTaskManagerId("tm-3").build())))
                .hasMessage("A TaskManager needs at least one slot");

        GrpcJobMasterGateway jm = new GrpcJobMasterGateway(channel);
        Ack ack = await(jm.updateTaskExecutionState(TaskExecutionStateProto.newBuilder().setJobId("j").setState("RUNNING").build()));
        assertThat(ack.getMessage()).isEqualTo("seen RUNNING");
        RpcException noJm = rpcFailure(jm.updateTaskExecutionState(TaskExecutionStateProto.getDefaultInstance()));
        assertThat(noJm.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(noJm).hasMessage("No JobMaster for job ''");

        GrpcTaskExecutorGateway te = new GrpcTaskExecutorGateway(channel);
        TaskDeploymentDescriptor tdd = TaskDeploymentDescriptor.newBuilder().setExecutionAttemptId("e1").setSubtaskIndex(3).build();
        assertThat(await(te.submitTask(tdd)).getAccepted()).isTrue();
        assertThat(await(te.cancelTask("e1")).getOk()).isTrue();
        assertThat(taskExecutor.received).containsExactly(tdd, "cancel e1");
    }

    @Test
    void jarUploadStoresTheBytesUnderTheirHashAndFetchVerifiesThem() throws IOException {
        Path jar = randomFile("job.jar", 2 * 1024 * 1024 + 12345);
        String sha = await(new GrpcDispatcherGateway(channel).uploadJar(jar));

        assertThat(sha).isEqualTo(FakeGateways.sha256(jar));
        assertThat(Files.readAllBytes(storeDir.resolve(sha + ".jar"))).isEqualTo(Files.readAllBytes(jar));

        Path target = tmp.resolve("cache/jobs/" + sha + ".jar");
        assertThat(await(new GrpcBlobGateway(channel).fetchJar(sha, target))).isEqualTo(target.toAbsolutePath());
        assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(jar));
        assertThat(listFiles(target.getParent())).containsExactly(target.getFileName().toString());
    }

    @Test
    void uploadLargerThanTheLimitIsRejectedAndLeavesNothingBehind() throws IOException {
        Path jar = randomFile("big.jar", (int) MAX_JAR + 1);
        RpcException e = rpcFailure(new GrpcDispatcherGateway(channel).uploadJar(jar));

        assertThat(e.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(e).hasMessage("Jar exceeds the limit of " + MAX_JAR + " bytes (jobmanager.upload.max-jar-size)");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> listFiles(storeDir).isEmpty());
    }

    @Test
    void emptyUploadIsRejected() throws IOException {
        Path jar = Files.write(tmp.resolve("empty.jar"), new byte[0]);
        RpcException e = rpcFailure(new GrpcDispatcherGateway(channel).uploadJar(jar));
        assertThat(e.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e).hasMessageContaining("'empty.jar' is empty");
    }

    @Test
    void uploadOfAMissingFileFailsLocally() {
        assertThatThrownBy(() -> await(new GrpcDispatcherGateway(channel).uploadJar(tmp.resolve("nope.jar"))))
                .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.jar");
    }

    @Test
    void fetchOfAnUnknownJarIsNotFound() {
        String sha = "ab".repeat(32);
        RpcException e = rpcFailure(new GrpcBlobGateway(channel).fetchJar(sha, tmp.resolve("x.jar")));
        assertThat(e.getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(e).hasMessage("No jar with SHA-256 " + sha);
        assertThat(listFiles(tmp)).doesNotContain("x.jar").noneMatch(n -> n.endsWith(".part"));
    }

    @Test
    void fetchWithAHashMismatchFailsAndDoesNotCreateTheTarget() throws IOException {
        blobStore.corruptAnswer = randomFile("other.jar", 1000);
        String sha = "cd".repeat(32);
        Path target = Files.createDirectories(tmp.resolve("cache")).resolve("job.jar");

        RpcException e = rpcFailure(new GrpcBlobGateway(channel).fetchJar(sha, target));
        assertThat(e.getCode()).isEqualTo(Status.Code.DATA_LOSS);
        assertThat(e).hasMessageContaining("but " + sha + " was requested");
        assertThat(listFiles(target.getParent())).isEmpty();
    }

    @Test
    void unaryCallsHaveADeadline() {
        dispatcher.override = CompletableFuture::new; // never completes
        RpcException e = rpcFailure(new GrpcDispatcherGateway(channel, Duration.ofMillis(300)).listJobs());
        assertThat(e.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        assertThat(e).hasMessageStartingWith("Cannot reach " + address + ": ");
    }

    @Test
    void unreachablePeerIsReportedWithItsAddress() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        ManagedChannel dead = GrpcChannels.create("127.0.0.1:" + freePort);
        try {
            RpcException e = rpcFailure(new GrpcJobMasterGateway(dead, Duration.ofSeconds(5))
                    .updateTaskExecutionState(TaskExecutionStateProto.getDefaultInstance()));
            assertThat(e.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(e.isUnreachable()).isTrue();
            assertThat(e).hasMessageStartingWith("Cannot reach 127.0.0.1:" + freePort + ": ").hasMessageContaining("refused");
        } finally {
            dead.shutdownNow();
        }
    }

    @Test
    void garbageOnTheServerPortDoesNotBreakIt() throws IOException {
        byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        for (int i = 0; i < 3; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 2000);
                s.setSoTimeout(2000);
                OutputStream out = s.getOutputStream();
                try {
                    out.write(junk);
                    out.flush();
                    s.getInputStream().read(new byte[1024]);
                } catch (IOException expected) {
                    // the server may close the connection on us: that is the point
                }
            }
        }
        assertThat(await(new GrpcDispatcherGateway(channel).getClusterOverview()).getSlotsTotal()).isEqualTo(8);
    }

    @Test
    void inboundMessagesAreBounded() {
        byte[] big = new byte[GrpcServer.MAX_MESSAGE_BYTES + 1];
        JobGraphProto job = JobGraphProto.newBuilder().addVertices(JobVertexProto.newBuilder()
                .setOperatorConfig(com.google.protobuf.ByteString.copyFrom(big))).build();
        RpcException e = rpcFailure(new GrpcDispatcherGateway(channel).submitJob(job));
        assertThat(e.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(dispatcher.submitted).isEmpty();
        assertThat(await(new GrpcDispatcherGateway(channel).getClusterOverview()).getSlotsTotal()).isEqualTo(8);
    }

    @Test
    void sharedChannelsAreCachedPerAddress() {
        ManagedChannel a = GrpcChannels.shared(address);
        try {
            assertThat(GrpcChannels.shared(address)).isSameAs(a);
            GrpcChannels.release(address);
            assertThat(a.isShutdown()).isTrue();
            assertThat(GrpcChannels.shared(address)).isNotSameAs(a);
        } finally {
            GrpcChannels.release(address);
        }
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(Files.createDirectories(tmp.resolve("src")).resolve(name), data);
    }

    private static java.util.List<String> listFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.eddy.client.cli;

import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.runtime.gateway.BlobStore;
import dev.eddy.runtime.gateway.DispatcherGateway;
import dev.eddy.runtime.rpc.DispatcherGrpcService;
import dev.eddy.runtime.rpc.GrpcServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real gRPC dispatcher endpoint on 127.0.0.1 backed by a hand-written dispatcher: it stores
 * uploaded jars, accepts every job, reports it RUNNING once and then {@code finalState} with
 * {@code failure}.
 */
final class FakeJobManager implements DispatcherGateway, BlobStore, AutoCloseable {
    final List<JobGraphProto> submitted = new CopyOnWriteArrayList<>();
    final List<String> storedJars = new CopyOnWriteArrayList<>();
    private final AtomicInteger statusRequests = new AtomicInteger();
    private final Path dir;
    private final GrpcServer server;
    volatile String finalState = "FINISHED";
    volatile String failure = "";

    FakeJobManager(Path dir) {
        this.dir = dir;
        this.server = GrpcServer.start("127.0.0.1", 0, new DispatcherGrpcService(this, this));
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public CompletableFuture<String> uploadJar(Path jar) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("uploads arrive through the BlobStore"));
    }

    @Override
    public CompletableFuture<String> submitJob(JobGraphProto jobGraph) {
        submitted.add(jobGraph);
        return CompletableFuture.completedFuture(jobGraph.getJobId());
    }

    @Override
    public CompletableFuture<List<JobStatusProto>> listJobs() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<JobStatusProto> getJobStatus(String jobId) {
        boolean first = statusRequests.getAndIncrement() == 0;
        String state = first ? "RUNNING" : finalState;
        return CompletableFuture.completedFuture(JobStatusProto.newBuilder().setJobId(jobId).setJobName("job").setState(state)
                .setStartTimeMillis(10_000).setEndTimeMillis(first ? 0 : 10_250).setFailure(first ? "" : failure).build());
    }

    @Override
    public CompletableFuture<String> cancelJob(String jobId) {
        return CompletableFuture.completedFuture("CANCELLING");
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String jobId, String targetDirectory, boolean stop) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("savepoints not scripted in this fake"));
    }

    @Override
    public CompletableFuture<ClusterOverview> getClusterOverview() {
        return CompletableFuture.completedFuture(ClusterOverview.getDefaultInstance());
    }

    @Override
    public long maxJarSize() {
        return 64L << 20;
    }

    @Override
    public Path newTempFile() throws IOException {
        return Files.createTempFile(dir, "upload", ".tmp");
    }

    @Override
    public String putJar(Path tempFile) throws IOException {
        String sha = sha256(tempFile);
        Files.move(tempFile, dir.resolve(sha + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        storedJars.add(sha);
        return sha;
    }

    @Override
    public Path getJar(String sha256) {
        Path p = dir.resolve(sha256 + ".jar");
        return Files.exists(p) ? p : null;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

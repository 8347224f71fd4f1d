package dev.eddy.runtime.rpc;

import dev.eddy.proto.BlobRequest;
import dev.eddy.proto.BlobServiceGrpc;
import dev.eddy.proto.JarChunk;
import dev.eddy.runtime.gateway.BlobGateway;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Client-side {@link BlobGateway}: downloads a jar into a temp file next to the target, checks its
 * SHA-256 and moves it into place atomically, so a reader never sees a partial or corrupt jar.
 * Thread-safe; chunks are written on gRPC callback threads (one call's callbacks run serially).
 */
public final class GrpcBlobGateway implements BlobGateway {
    private final BlobServiceGrpc.BlobServiceStub stub;
    private final String address;
    private final Duration timeout;

    public GrpcBlobGateway(Channel channel) {
        this(channel, RpcTimeouts.DEFAULT_CALL_TIMEOUT);
    }

    /** @param timeout call timeout; a download gets {@link RpcTimeouts#transferTimeout} of it */
    public GrpcBlobGateway(Channel channel, Duration timeout) {
        this.stub = BlobServiceGrpc.newStub(channel);
        this.address = channel.authority();
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<Path> fetchJar(String sha256, Path target) {
        Path absolute = target.toAbsolutePath();
        Download download;
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".part");
            download = new Download(sha256, absolute, temp);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Cannot create a file for jar " + sha256 + " next to " + absolute + ": " + e, e));
        }
        stub.withDeadlineAfter(RpcTimeouts.transferTimeout(timeout).toMillis(), TimeUnit.MILLISECONDS)
                .getJar(BlobRequest.newBuilder().setSha256(sha256).build(), download);
        return download.result;
    }

    private final class Download implements ClientResponseObserver<BlobRequest, JarChunk> {
        private final String sha256;
        private final Path target;
        private final Path temp;
        private final OutputStream out;
        private final MessageDigest digest;
        private final CompletableFuture<Path> result = new CompletableFuture<>();
        private ClientCallStreamObserver<BlobRequest> call;
        private Throwable localFailure;

        Download(String sha256, Path target, Path temp) throws IOException {
            this.sha256 = sha256;
            this.target = target;
            this.temp = temp;
            this.out = Files.newOutputStream(temp);
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available in this JVM", e);
            }
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<BlobRequest> requestStream) {
            this.call = requestStream;
        }

        @Override
        public void onNext(JarChunk chunk) {
            if (localFailure != null) {
                return;
            }
            try {
                chunk.getData().writeTo(out);
                digest.update(chunk.getData().asReadOnlyByteBuffer());
            } catch (IOException e) {
                localFailure = new IllegalStateException("Cannot write jar " + sha256 + " to " + temp + ": " + e, e);
                call.cancel("local write failed", e);
            }
        }

        @Override
        public void onError(Throwable t) {
            discard();
            result.completeExceptionally(localFailure != null ? localFailure : RpcErrors.fromStatus(t, address));
        }

        @Override
        public void onCompleted() {
            try {
                out.close();
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equalsIgnoreCase(sha256)) {
                    discard();
                    result.completeExceptionally(new RpcException(Status.Code.DATA_LOSS, "The jar fetched from " + address
                            + " has SHA-256 " + actual + " but " + sha256 + " was requested; the download was damaged or the"
                            + " blob store is corrupt"));
                    return;
                }
                moveIntoPlace();
                result.complete(target);
            } catch (IOException e) {
                discard();
                result.completeExceptionally(new IllegalStateException("Cannot move jar " + sha256 + " to " + target + ": " + e, e));
            }
        }

        private void moveIntoPlace() throws IOException {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private void discard() {
            try {
                out.close();
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: a stale .part file is harmless
            }
        }
    }
}

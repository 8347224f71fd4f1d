package dev.eddy.runtime.rpc;

import dev.eddy.proto.JarChunk;
import dev.eddy.proto.JarUploaded;
import dev.eddy.runtime.gateway.BlobStore;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server side of one jar upload: writes chunks into a temp file of the {@link BlobStore}, enforces
 * the size limit, and on completion stores the jar under its hash. gRPC delivers the callbacks of
 * one call serially, so no locking is needed.
 */
final class JarUploadReceiver implements StreamObserver<JarChunk> {
    private static final Logger LOG = LoggerFactory.getLogger(JarUploadReceiver.class);

    private final BlobStore blobStore;
    private final StreamObserver<JarUploaded> response;
    private Path tempFile;
    private OutputStream out;
    private String fileName = "";
    private long size;
    private boolean finished;

    JarUploadReceiver(BlobStore blobStore, StreamObserver<JarUploaded> response) {
        this.blobStore = blobStore;
        this.response = response;
    }

    @Override
    public void onNext(JarChunk chunk) {
        if (finished) {
            return;
        }
        try {
            if (out == null) {
                tempFile = blobStore.newTempFile();
                out = Files.newOutputStream(tempFile);
                fileName = chunk.getFileName();
            }
            size += chunk.getData().size();
            long max = blobStore.maxJarSize();
            if (size > max) {
                fail(Status.RESOURCE_EXHAUSTED.withDescription(
                        "Jar exceeds the limit of " + max + " bytes (jobmanager.upload.max-jar-size)"));
                return;
            }
            chunk.getData().writeTo(out);
        } catch (IOException e) {
            fail(Status.INTERNAL.withDescription("Could not store the uploaded jar: " + e.getMessage()).withCause(e));
        }
    }

    @Override
    public void onError(Throwable t) {
        if (!finished) {
            finished = true;
            LOG.debug("Upload of jar '{}' aborted by the client: {}", fileName, t.toString());
            cleanUp();
        }
    }

    @Override
    public void onCompleted() {
        if (finished) {
            return;
        }
        if (out == null || size == 0) {
            fail(Status.INVALID_ARGUMENT.withDescription("The uploaded jar '" + fileName + "' is empty; build the job jar first"));
            return;
        }
        try {
            out.close();
            out = null;
            String sha256 = blobStore.putJar(tempFile);
            finished = true;
            LOG.info("Stored jar '{}' ({} bytes) as {}", fileName, size, sha256);
            response.onNext(JarUploaded.newBuilder().setSha256(sha256).setSize(size).build());
            response.onCompleted();
        } catch (IOException | RuntimeException e) {
            fail(Status.INTERNAL.withDescription("Could not store the uploaded jar '" + fileName + "': " + e.getMessage()).withCause(e));
        }
    }

    private void fail(Status status) {
        finished = true;
        cleanUp();
        response.onError(status.asRuntimeException());
    }

    private void cleanUp() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            if (tempFile != null) {
                Files.deleteIfExists(tempFile);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the partial upload {}: {}", tempFile, e.toString());
        }
    }
}

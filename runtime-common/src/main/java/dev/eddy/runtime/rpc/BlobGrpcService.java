package dev.eddy.runtime.rpc;

import dev.eddy.proto.BlobRequest;
import dev.eddy.proto.BlobServiceGrpc;
import dev.eddy.proto.JarChunk;
import dev.eddy.runtime.gateway.BlobStore;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves stored jars to TaskManagers in 1 MiB chunks, flow-controlled. */
public final class BlobGrpcService extends BlobServiceGrpc.BlobServiceImplBase {
    private final BlobStore blobStore;

    public BlobGrpcService(BlobStore blobStore) {
        this.blobStore = blobStore;
    }

    @Override
    public void getJar(BlobRequest request, StreamObserver<JarChunk> responseObserver) {
        ServerCallStreamObserver<JarChunk> out = (ServerCallStreamObserver<JarChunk>) responseObserver;
        Path jar = blobStore.getJar(request.getSha256());
        if (jar == null) {
            out.onError(Status.NOT_FOUND.withDescription("No jar with SHA-256 " + request.getSha256()).asRuntimeException());
            return;
        }
        InputStream in;
        try {
            in = Files.newInputStream(jar);
        } catch (IOException e) {
            out.onError(Status.INTERNAL.withDescription("Could not read the jar " + request.getSha256() + ": " + e.getMessage())
                    .asRuntimeException());
            return;
        }
        FileChunkSender sender = new FileChunkSender(in, null, out);
        out.setOnCancelHandler(sender::abort);
        out.setOnReadyHandler(sender::drain);
        sender.drain();
    }
}

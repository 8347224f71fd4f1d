package dev.eddy.runtime.rpc;

import com.google.protobuf.ByteString;
import dev.eddy.proto.JarChunk;
import io.grpc.Status;
import io.grpc.stub.CallStreamObserver;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams a file as {@link JarChunk}s of at most {@link #CHUNK_BYTES}, honouring gRPC flow control:
 * it sends only while the stream is ready and resumes from the stream's on-ready handler, so a
 * large jar never sits in memory. {@link #drain()} and {@link #abort()} may be called from any
 * thread (gRPC callback threads); they are serialized internally.
 */
final class FileChunkSender {
    static final int CHUNK_BYTES = 1024 * 1024;

    private final InputStream in;
    private final String fileName;
    private final CallStreamObserver<JarChunk> out;
    private boolean first = true;
    private boolean done;

    /** @param fileName sent in the first chunk, or null */
    FileChunkSender(InputStream in, String fileName, CallStreamObserver<JarChunk> out) {
        this.in = in;
        this.fileName = fileName;
        this.out = out;
    }

    /** Sends chunks while the stream is ready; completes the stream at end of file. */
    synchronized void drain() {
        if (done) {
            return;
        }
        try {
            byte[] buffer = new byte[CHUNK_BYTES];
            while (!done && out.isReady()) {
                int n = in.readNBytes(buffer, 0, CHUNK_BYTES);
                if (n > 0 || (first && fileName != null)) {
                    JarChunk.Builder chunk = JarChunk.newBuilder().setData(ByteString.copyFrom(buffer, 0, n));
                    if (first && fileName != null) {
                        chunk.setFileName(fileName);
                    }
                    first = false;
                    out.onNext(chunk.build());
                }
                if (n < CHUNK_BYTES) {
                    finish();
                    out.onCompleted();
                }
            }
        } catch (IOException | RuntimeException e) {
            finish();
            out.onError(Status.INTERNAL.withDescription("Could not read the jar: " + e.getMessage()).withCause(e).asRuntimeException());
        }
    }

    /** Stops sending (the call failed or was cancelled) and closes the file. */
    synchronized void abort() {
        finish();
    }

    private void finish() {
        if (!done) {
            done = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}

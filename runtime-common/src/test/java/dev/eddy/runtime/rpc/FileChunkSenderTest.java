package dev.eddy.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.proto.JarChunk;
import io.grpc.stub.CallStreamObserver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FileChunkSenderTest {

    /** A stream that is ready for a fixed number of messages at a time, like a flow-control window. */
    private static final class WindowedStream extends CallStreamObserver<JarChunk> {
        final List<JarChunk> sent = new ArrayList<>();
        int window;
        boolean completed;
        Throwable error;

        @Override public boolean isReady() { return window > 0; }
        @Override public void setOnReadyHandler(Runnable onReadyHandler) {}
        @Override public void disableAutoInboundFlowControl() {}
        @Override public void request(int count) {}
        @Override public void setMessageCompression(boolean enable) {}

        @Override
        public void onNext(JarChunk value) {
            if (window <= 0) {
                throw new AssertionError("sent while not ready");
            }
            window--;
            sent.add(value);
        }

        @Override public void onError(Throwable t) { error = t; }
        @Override public void onCompleted() { completed = true; }
    }

    @Test
    void sendsBoundedChunksOnlyWhileReadyAndNamesTheFileInTheFirst() {
        byte[] data = new byte[FileChunkSender.CHUNK_BYTES * 2 + 7];
        new Random(1).nextBytes(data);
        WindowedStream stream = new WindowedStream();
        FileChunkSender sender = new FileChunkSender(new ByteArrayInputStream(data), "job.jar", stream);

        sender.drain();
        assertThat(stream.sent).isEmpty();
        stream.window = 1;
        sender.drain();
        assertThat(stream.sent).hasSize(1);
        assertThat(stream.completed).isFalse();
        stream.window = 10;
        sender.drain();

        assertThat(stream.completed).isTrue();
        assertThat(stream.error).isNull();
        assertThat(stream.sent).extracting(JarChunk::getFileName).containsExactly("job.jar", "", "");
        assertThat(stream.sent).allSatisfy(c -> assertThat(c.getData().size()).isLessThanOrEqualTo(FileChunkSender.CHUNK_BYTES));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        stream.sent.forEach(c -> joined.writeBytes(c.getData().toByteArray()));
        assertThat(joined.toByteArray()).isEqualTo(data);
    }

    @Test
    void exactMultipleOfTheChunkSizeCompletesWithoutAnEmptyTrailer() {
        WindowedStream stream = new WindowedStream();
        stream.window = 10;
        new FileChunkSender(new ByteArrayInputStream(new byte[FileChunkSender.CHUNK_BYTES]), null, stream).drain();
        assertThat(stream.sent).hasSize(1);
        assertThat(stream.completed).isTrue();
    }

    @Test
    void abortStopsSending() {
        WindowedStream stream = new WindowedStream();
        FileChunkSender sender = new FileChunkSender(new ByteArrayInputStream(new byte[10]), "a.jar", stream);
        sender.abort();
        stream.window = 10;
        sender.drain();
        assertThat(stream.sent).isEmpty();
        assertThat(stream.completed).isFalse();
    }
}

package dev.eddy.connector.file.sink;

import dev.eddy.api.common.serialization.Encoder;
import dev.eddy.streaming.api.functions.sink.filesystem.PartFileInfo;
import dev.eddy.streaming.api.functions.sink.filesystem.RollingPolicy;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bucket (directory) of a file sink writer, with at most one open (in-progress) part file.
 * Rolling or pre-committing closes it: it becomes pending and is reported to the writer. Task
 * thread only.
 */
final class FileWriterBucket<IN, BucketID> {
    private static final Logger LOG = LoggerFactory.getLogger(FileWriterBucket.class);
    private static final int BUFFER_BYTES = 64 * 1024;
    private final BucketID bucketId;
    private final Path directory;
    private final Encoder<IN> encoder;
    private final PartFileNames names;
    private final java.util.function.Consumer<FileSinkCommittable> pendingSink;
    private InProgressPartFile partFile;

    FileWriterBucket(BucketID bucketId, Path directory, Encoder<IN> encoder, PartFileNames names,
            java.util.function.Consumer<FileSinkCommittable> pendingSink) {
        this.pendingSink = pendingSink;
        this.bucketId = bucketId;
        this.directory = directory;
        this.encoder = encoder;
        this.names = names;
    }

    boolean hasOpenPartFile() {
        return partFile != null;
    }

    void write(IN element, RollingPolicy<IN, BucketID> policy, long now) throws IOException {
        if (partFile != null && policy.shouldRollOnEvent(partFile, element)) {
            closeOpenPartFile();
        }
        if (partFile == null) {
            partFile = open(now);
        }
        encoder.encode(element, partFile.stream);
        partFile.lastUpdateTime = now;
    }

    void rollIfDue(RollingPolicy<IN, BucketID> policy, long now) throws IOException {
        if (partFile != null && policy.shouldRollOnProcessingTime(partFile, now)) {
            closeOpenPartFile();
        }
    }

    private InProgressPartFile open(long now) throws IOException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IOException("File sink could not create the bucket directory '" + directory + "': " + e.getMessage()
                    + " (check that the base path is writable)", e);
        }
        String committedName = names.nextPartFileName();
        Path committed = directory.resolve(committedName);
        Path inProgress = directory.resolve(PartFileNames.inProgressName(committedName));
        OutputStream out = Files.newOutputStream(inProgress, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new InProgressPartFile(inProgress, committed, new CountingOutputStream(new BufferedOutputStream(out, BUFFER_BYTES)), now);
    }

    /** Flushes buffered bytes of the open part file to the file system (it stays hidden). */
    void flush() throws IOException {
        if (partFile != null) {
            partFile.stream.flush();
        }
    }

    /**
     * Closes the open part file: it becomes pending (still hidden, complete) and its committable is
     * handed to the writer's sink for the next pre-commit. Nothing happens without an open file.
     */
    void closeOpenPartFile() throws IOException {
        if (partFile == null) {
            return;
        }
        InProgressPartFile file = partFile;
        partFile = null;
        file.stream.close();
        pendingSink.accept(new FileSinkCommittable(file.inProgressPath.toString(), file.committedPath.toString()));
        LOG.debug("Closed part file {}; pending until committed as {}", file.inProgressPath, file.committedPath);
    }

    /** Closes the open part file without committing it (it stays a hidden in-progress file). */
    void abandonOpenPartFile() throws IOException {
        if (partFile != null) {
            InProgressPartFile file = partFile;
            partFile = null;
            file.stream.close();
        }
    }

    private final class InProgressPartFile implements PartFileInfo<BucketID> {
        private final Path inProgressPath;
        private final Path committedPath;
        private final CountingOutputStream stream;
        private final long creationTime;
        private long lastUpdateTime;

        InProgressPartFile(Path inProgressPath, Path committedPath, CountingOutputStream stream, long creationTime) {
            this.inProgressPath = inProgressPath;
            this.committedPath = committedPath;
            this.stream = stream;
            this.creationTime = creationTime;
            this.lastUpdateTime = creationTime;
        }

        @Override
        public BucketID getBucketId() {
            return bucketId;
        }

        @Override
        public long getCreationTime() {
            return creationTime;
        }

        @Override
        public long getSize() {
            return stream.count;
        }

        @Override
        public long getLastUpdateTime() {
            return lastUpdateTime;
        }
    }

    /** Counts the bytes written through it; forwards array writes as they are. */
    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}

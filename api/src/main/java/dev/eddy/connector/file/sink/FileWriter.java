package dev.eddy.connector.file.sink;

import dev.eddy.api.common.eventtime.Watermark;
import dev.eddy.api.common.serialization.Encoder;
import dev.eddy.api.connector.sink2.CommittingSinkWriter;
import dev.eddy.api.connector.sink2.StatefulSinkWriter;
import dev.eddy.api.connector.sink2.WriterInitContext;
import dev.eddy.streaming.api.functions.sink.filesystem.BucketAssigner;
import dev.eddy.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.eddy.streaming.api.functions.sink.filesystem.RollingPolicy;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of one {@link FileSink} subtask: routes elements to buckets, each with at most one
 * open (hidden, in-progress) part file. A part file is closed ("pending") when the rolling policy
 * says so and at every {@link #prepareCommit()} (checkpoint barrier, end of input); its committable
 * goes to the committer, which makes it visible after the checkpoint completed. The writer's state
 * ({@link #snapshotState}) lists its id and the pending files that may still await their commit,
 * so a restore can delete everything else this writer left behind.
 * Task thread only; time-based rolling runs from a processing-time timer (also on the task thread).
 */
final class FileWriter<IN, BucketID> implements CommittingSinkWriter<IN, FileSinkCommittable>,
        StatefulSinkWriter<IN, FileWriterState> {
    private static final Logger LOG = LoggerFactory.getLogger(FileWriter.class);
    private final Path basePath;
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN, BucketID> bucketAssigner;
    private final RollingPolicy<IN, BucketID> rollingPolicy;
    private final PartFileNames names;
    private final long bucketCheckInterval;
    private final ProcessingTimeService timeService;
    private final Map<BucketID, FileWriterBucket<IN, BucketID>> buckets = new HashMap<>();
    private final AssignerContext assignerContext = new AssignerContext();
    private final String writerId;
    /** Closed part files not yet handed out by prepareCommit. */
    private final List<FileSinkCommittable> closedSinceLastCommit = new ArrayList<>();
    /** Pending files handed out that may not be committed yet (pruned at snapshots). */
    private final List<String> handedOut = new ArrayList<>();
    private ScheduledFuture<?> timer;
    private boolean closed;

    FileWriter(Path basePath, Encoder<IN> encoder, BucketAssigner<IN, BucketID> bucketAssigner,
            RollingPolicy<IN, BucketID> rollingPolicy, OutputFileConfig outputFileConfig, long bucketCheckInterval,
            WriterInitContext context) {
        this.basePath = basePath;
        this.encoder = encoder;
        this.bucketAssigner = bucketAssigner;
        this.rollingPolicy = rollingPolicy;
        this.writerId = UUID.randomUUID().toString();
        this.names = new PartFileNames(outputFileConfig, writerId, context.getSubtaskId());
        this.bucketCheckInterval = bucketCheckInterval;
        this.timeService = context.getProcessingTimeService();
        if (timeService != null) {
            scheduleCheck(now() + bucketCheckInterval);
        }
    }

    private long now() {
        return timeService != null ? timeService.getCurrentProcessingTime() : System.currentTimeMillis();
    }

    private void scheduleCheck(long time) {
        timer = timeService.registerTimer(time, firedAt -> {
            if (!closed) {
                rollOnProcessingTime(firedAt);
                scheduleCheck(firedAt + bucketCheckInterval);
            }
        });
    }

    void rollOnProcessingTime(long time) throws IOException {
        Iterator<FileWriterBucket<IN, BucketID>> it = buckets.values().iterator();
        while (it.hasNext()) {
            FileWriterBucket<IN, BucketID> bucket = it.next();
            bucket.rollIfDue(rollingPolicy, time);
            if (!bucket.hasOpenPartFile()) {
                it.remove();
            }
        }
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        long time = now();
        assignerContext.set(time, context);
        BucketID bucketId = bucketAssigner.getBucketId(element, assignerContext);
        FileWriterBucket<IN, BucketID> bucket = buckets.get(bucketId);
        if (bucket == null) {
            bucket = new FileWriterBucket<>(bucketId, bucketDirectory(bucketId), encoder, names, closedSinceLastCommit::add);
            buckets.put(bucketId, bucket);
        }
        bucket.write(element, rollingPolicy, time);
    }

    private Path bucketDirectory(BucketID bucketId) {
        String name = String.valueOf(bucketId);
        return name.isEmpty() ? basePath : basePath.resolve(name);
    }

    /** Flushes buffered bytes of the open part files (they stay hidden until committed). */
    @Override
    public void flush(boolean endOfInput) throws IOException {
        for (FileWriterBucket<IN, BucketID> bucket : buckets.values()) {
            bucket.flush();
        }
    }

    /** Closes every open part file; returns all part files closed since the last call. */
    @Override
    public Collection<FileSinkCommittable> prepareCommit() throws IOException {
        for (FileWriterBucket<IN, BucketID> bucket : buckets.values()) {
            bucket.closeOpenPartFile();
        }
        buckets.clear();
        List<FileSinkCommittable> committables = new ArrayList<>(closedSinceLastCommit);
        closedSinceLastCommit.clear();
        for (FileSinkCommittable c : committables) {
            handedOut.add(c.getPendingFile());
        }
        return committables;
    }

    /**
     * This writer's id and its pending files that still exist (committed ones were renamed away).
     * Called after {@link #prepareCommit()} for the same checkpoint.
     */
    @Override
    public List<FileWriterState> snapshotState(long checkpointId) {
        handedOut.removeIf(f -> !Files.exists(Path.of(f)));
        return List.of(new FileWriterState(writerId, handedOut));
    }

    String writerId() {
        return writerId;
    }

    @Override
    public void writeWatermark(Watermark watermark) {}

    @Override
    public void close() throws IOException {
        closed = true;
        if (timer != null) {
            timer.cancel(false);
        }
        IOException failure = null;
        for (FileWriterBucket<IN, BucketID> bucket : buckets.values()) {
            try {
                bucket.abandonOpenPartFile();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (!buckets.isEmpty()) {
            LOG.info("File sink writer {} closed with {} in-progress part files; a restore deletes them", writerId,
                    buckets.size());
        }
        buckets.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static final class AssignerContext implements BucketAssigner.Context {
        private long processingTime;
        private Context context;

        void set(long processingTime, Context context) {
            this.processingTime = processingTime;
            this.context = context;
        }

        @Override
        public long currentProcessingTime() {
            return processingTime;
        }

        @Override
        public long currentWatermark() {
            return context == null ? Long.MIN_VALUE : context.currentWatermark();
        }

        @Override
        public Long timestamp() {
            return context == null ? null : context.timestamp();
        }
    }
}

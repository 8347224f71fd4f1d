package dev.eddy.connector.file.sink;

import dev.eddy.api.common.serialization.Encoder;
import dev.eddy.api.connector.sink2.Committer;
import dev.eddy.api.connector.sink2.CommitterInitContext;
import dev.eddy.api.connector.sink2.Sink;
import dev.eddy.api.connector.sink2.StatefulSinkWriter;
import dev.eddy.api.connector.sink2.SupportsCommitter;
import dev.eddy.api.connector.sink2.SupportsWriterState;
import dev.eddy.core.io.SimpleVersionedSerializer;
import java.util.Collection;
import dev.eddy.api.connector.sink2.SinkWriter;
import dev.eddy.api.connector.sink2.WriterInitContext;
import dev.eddy.core.fs.Path;
import dev.eddy.streaming.api.functions.sink.filesystem.BucketAssigner;
import dev.eddy.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.eddy.streaming.api.functions.sink.filesystem.RollingPolicy;
import dev.eddy.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;
import dev.eddy.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import java.io.IOException;

/**
 * Writes elements into files under a base path, one sub-directory per bucket (chosen by a
 * {@link BucketAssigner}, by default {@link DateTimeBucketAssigner}: one bucket per hour).
 *
 * <p>Each subtask writes its own part files. A part file is written, buffered, as the hidden file
 * {@code .<prefix>-<uuid>-<subtask>-<counter><suffix>.inprogress.<uuid2>} (default prefix "part",
 * no suffix; {@code uuid} is per writer and new after every restore, {@code counter} counts the
 * writer's part files from 0). It is closed ("pending", still hidden) when the
 * {@link RollingPolicy} rolls it (size; rollover and inactivity intervals checked every
 * {@code bucketCheckInterval}) and at every checkpoint barrier; once that checkpoint completed, the
 * committer renames it atomically to {@code <prefix>-<uuid>-<subtask>-<counter><suffix>} (exactly
 * once: nothing is visible before its checkpoint completed). At the end of a bounded input the
 * last files are committed right away. On restore, pending files of the checkpoint are committed
 * and the failed writers' other hidden files are deleted ({@link PartFileCleaner}).
 *
 * <p>Local file system only.
 */
public class FileSink<IN> implements Sink<IN>, SupportsCommitter<FileSinkCommittable>,
        SupportsWriterState<IN, FileWriterState> {
    private static final long serialVersionUID = 1L;
    private final WriterSettings<IN, ?> settings;

    private FileSink(WriterSettings<IN, ?> settings) {
        this.settings = settings;
    }

    /** A builder of a sink that encodes each element as a row with {@code encoder}. */
    public static <IN> DefaultRowFormatBuilder<IN> forRowFormat(Path basePath, Encoder<IN> encoder) {
        if (basePath == null || encoder == null) {
            throw new IllegalArgumentException("FileSink.forRowFormat: base path and encoder must not be null");
        }
        return new DefaultRowFormatBuilder<>(basePath, encoder);
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) throws IOException {
        return settings.createWriter(context);
    }

    /**
     * Deletes the leftovers of the restored writers (their hidden part files not awaiting a commit)
     * and starts a fresh writer with a new id, so part names never collide with the old ones.
     */
    @Override
    public StatefulSinkWriter<IN, FileWriterState> restoreWriter(WriterInitContext context,
            Collection<FileWriterState> recoveredState) throws IOException {
        for (FileWriterState state : recoveredState) {
            PartFileCleaner.deleteLeftovers(settings.basePath.toLocalPath(), settings.outputFileConfig.getPartPrefix(), state);
        }
        return settings.createWriter(context);
    }

    @Override
    public SimpleVersionedSerializer<FileWriterState> getWriterStateSerializer() {
        return FileSinkSerializers.WRITER_STATE;
    }

    @Override
    public Committer<FileSinkCommittable> createCommitter(CommitterInitContext context) {
        return new FileCommitter();
    }

    @Override
    public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
        return FileSinkSerializers.COMMITTABLE;
    }

    @Override
    public String toString() {
        return "FileSink[" + settings.basePath + ", " + settings.bucketAssigner + "]";
    }

    /**
     * Settings of a row-format file sink. Not thread-safe; used while the job is built.
     *
     * @param <T> the concrete builder type, returned by the {@code with...} methods
     */
    public static class RowFormatBuilder<IN, BucketID, T extends RowFormatBuilder<IN, BucketID, T>> {
        private final Path basePath;
        private final Encoder<IN> encoder;
        private BucketAssigner<IN, BucketID> bucketAssigner;
        private RollingPolicy<IN, BucketID> rollingPolicy = DefaultRollingPolicy.builder().build();
        private OutputFileConfig outputFileConfig = OutputFileConfig.builder().build();
        private long bucketCheckInterval = 60_000L;

        protected RowFormatBuilder(Path basePath, Encoder<IN> encoder, BucketAssigner<IN, BucketID> bucketAssigner) {
            this.basePath = basePath;
            this.encoder = encoder;
            this.bucketAssigner = bucketAssigner;
        }

        @SuppressWarnings("unchecked")
        private T self() {
            return (T) this;
        }

        public T withBucketAssigner(BucketAssigner<IN, BucketID> assigner) {
            this.bucketAssigner = requireNonNull(assigner, "bucket assigner");
            return self();
        }

        public T withRollingPolicy(RollingPolicy<IN, BucketID> policy) {
            this.rollingPolicy = requireNonNull(policy, "rolling policy");
            return self();
        }

        public T withOutputFileConfig(OutputFileConfig config) {
            this.outputFileConfig = requireNonNull(config, "output file config");
            return self();
        }

        /** How often (milliseconds) time-based rolling is checked; default 60 s. */
        public T withBucketCheckInterval(long interval) {
            if (interval <= 0) {
                throw new IllegalArgumentException("FileSink: the bucket check interval must be positive, was " + interval);
            }
            this.bucketCheckInterval = interval;
            return self();
        }

        private static <X> X requireNonNull(X value, String what) {
            if (value == null) {
                throw new IllegalArgumentException("FileSink: the " + what + " must not be null");
            }
            return value;
        }

        public FileSink<IN> build() {
            return new FileSink<>(new WriterSettings<>(basePath, encoder, bucketAssigner, rollingPolicy, outputFileConfig,
                    bucketCheckInterval));
        }
    }

    /** The settings a built sink keeps (immutable: later builder calls do not change it). */
    static final class WriterSettings<IN, BucketID> implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final Path basePath;
        private final Encoder<IN> encoder;
        private final BucketAssigner<IN, BucketID> bucketAssigner;
        private final RollingPolicy<IN, BucketID> rollingPolicy;
        private final OutputFileConfig outputFileConfig;
        private final long bucketCheckInterval;

        WriterSettings(Path basePath, Encoder<IN> encoder, BucketAssigner<IN, BucketID> bucketAssigner,
                RollingPolicy<IN, BucketID> rollingPolicy, OutputFileConfig outputFileConfig, long bucketCheckInterval) {
            this.basePath = basePath;
            this.encoder = encoder;
            this.bucketAssigner = bucketAssigner;
            this.rollingPolicy = rollingPolicy;
            this.outputFileConfig = outputFileConfig;
            this.bucketCheckInterval = bucketCheckInterval;
        }

        FileWriter<IN, BucketID> createWriter(WriterInitContext context) throws IOException {
            return new FileWriter<>(basePath.toLocalPath(), encoder, bucketAssigner, rollingPolicy, outputFileConfig,
                    bucketCheckInterval, context);
        }
    }

    /** The row-format builder with string bucket ids (the default date-time buckets). */
    public static final class DefaultRowFormatBuilder<IN> extends RowFormatBuilder<IN, String, DefaultRowFormatBuilder<IN>> {

        private DefaultRowFormatBuilder(Path basePath, Encoder<IN> encoder) {
            super(basePath, encoder, new DateTimeBucketAssigner<>());
        }
    }
}

package dev.eddy.connector.file.src;

import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.connector.source.Boundedness;
import dev.eddy.api.connector.source.Source;
import dev.eddy.api.connector.source.SourceReader;
import dev.eddy.api.connector.source.SourceReaderContext;
import dev.eddy.api.connector.source.SplitEnumerator;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import dev.eddy.api.java.typeutils.ResultTypeQueryable;
import dev.eddy.connector.file.src.impl.FileSourceReader;
import dev.eddy.connector.file.src.impl.FileSplitEnumerator;
import dev.eddy.connector.file.src.impl.FileSourceSerializers;
import dev.eddy.connector.file.src.reader.StreamFormat;
import dev.eddy.core.fs.Path;
import dev.eddy.core.io.SimpleVersionedSerializer;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads files with a {@link StreamFormat}: the given files, and all non-hidden files under the
 * given directories (recursively; names starting with '.' or '_' are hidden). One split per file.
 * Bounded by default; {@link FileSourceBuilder#monitorContinuously(Duration)} makes it watch the
 * paths for new files forever. Local file system only ({@code file://} URIs or plain paths).
 *
 * <pre>{@code
 * FileSource<String> source = FileSource
 *     .forRecordStreamFormat(new TextLineInputFormat(), new Path("/data/in"))
 *     .build();
 * }</pre>
 *
 * <p>The enumerator runs on the JobManager: it lists the input paths (a missing one fails the job
 * when the enumerator starts, naming the path) and hands out one file per split request of a
 * reader.
 */
public final class FileSource<T> implements Source<T, FileSourceSplit, PendingSplitsCheckpoint>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;
    private final StreamFormat<T> format;
    private final Path[] inputPaths;
    private final long discoveryIntervalMillis;

    private FileSource(StreamFormat<T> format, Path[] inputPaths, long discoveryIntervalMillis) {
        this.format = format;
        this.inputPaths = inputPaths;
        this.discoveryIntervalMillis = discoveryIntervalMillis;
    }

    /** A builder for a source reading records with a stream format from the given paths. */
    public static <T> FileSourceBuilder<T> forRecordStreamFormat(StreamFormat<T> format, Path... paths) {
        if (format == null) {
            throw new IllegalArgumentException("FileSource: the stream format must not be null");
        }
        if (paths == null || paths.length == 0) {
            throw new IllegalArgumentException("FileSource: give at least one input path");
        }
        for (Path path : paths) {
            if (path == null) {
                throw new IllegalArgumentException("FileSource: input paths must not be null: " + Arrays.toString(paths));
            }
        }
        return new FileSourceBuilder<>(format, paths.clone());
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return format.getProducedType();
    }

    @Override
    public Boundedness getBoundedness() {
        return discoveryIntervalMillis > 0 ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<T, FileSourceSplit> createReader(SourceReaderContext readerContext) {
        return new FileSourceReader<>(readerContext, format);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint> createEnumerator(
            SplitEnumeratorContext<FileSourceSplit> enumContext) {
        return new FileSplitEnumerator(enumContext, inputPaths, discoveryIntervalMillis, null);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint> restoreEnumerator(
            SplitEnumeratorContext<FileSourceSplit> enumContext, PendingSplitsCheckpoint checkpoint) {
        return new FileSplitEnumerator(enumContext, inputPaths, discoveryIntervalMillis, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
        return FileSourceSerializers.SPLIT;
    }

    @Override
    public SimpleVersionedSerializer<PendingSplitsCheckpoint> getEnumeratorCheckpointSerializer() {
        return FileSourceSerializers.CHECKPOINT;
    }

    @Override
    public String toString() {
        return "FileSource" + Arrays.toString(inputPaths);
    }

    /** Builds a {@link FileSource}. Not thread-safe; used while the job is built. */
    public static final class FileSourceBuilder<T> {
        private final StreamFormat<T> format;
        private final Path[] paths;
        private long discoveryIntervalMillis;

        private FileSourceBuilder(StreamFormat<T> format, Path[] paths) {
            this.format = format;
            this.paths = paths;
        }

        /** Watches the input paths for new files every {@code discoveryInterval}; the source never ends. */
        public FileSourceBuilder<T> monitorContinuously(Duration discoveryInterval) {
            if (discoveryInterval == null || discoveryInterval.toMillis() <= 0) {
                throw new IllegalArgumentException("FileSource: the discovery interval must be at least 1 ms, was "
                        + discoveryInterval);
            }
            this.discoveryIntervalMillis = discoveryInterval.toMillis();
            return this;
        }

        /** Reads the files present at start once and ends (the default). */
        public FileSourceBuilder<T> processStaticFileSet() {
            this.discoveryIntervalMillis = 0;
            return this;
        }

        public FileSource<T> build() {
            return new FileSource<>(format, paths.clone(), discoveryIntervalMillis);
        }
    }
}

package dev.eddy.connector.file.src.impl;

import dev.eddy.api.connector.source.SourceOutput;
import dev.eddy.api.connector.source.SourceReaderContext;
import dev.eddy.api.connector.source.util.SplitQueueSourceReader;
import dev.eddy.api.connector.source.util.SplitRecordIterator;
import dev.eddy.configuration.Configuration;
import dev.eddy.connector.file.src.FileSourceSplit;
import dev.eddy.connector.file.src.reader.StreamFormat;
import dev.eddy.core.fs.LocalDataInputStream;
import java.io.IOException;

/**
 * Reads file splits with a {@link StreamFormat}, one split after the other, on the source task
 * thread. A split restored from a checkpoint skips the records it had already emitted.
 */
public final class FileSourceReader<T> extends SplitQueueSourceReader<T, FileSourceSplit> {
    private final StreamFormat<T> format;
    private final Configuration config = new Configuration();

    public FileSourceReader(SourceReaderContext context, StreamFormat<T> format) {
        super(context);
        this.format = format;
    }

    @Override
    protected SplitRecordIterator<T, FileSourceSplit> openSplit(FileSourceSplit split) throws IOException {
        LocalDataInputStream stream;
        try {
            stream = new LocalDataInputStream(split.path().toLocalPath());
        } catch (IOException e) {
            throw new IOException("File source could not open '" + split.path() + "': " + e.getMessage()
                    + " (was it deleted or moved while the job ran?)", e);
        }
        try {
            long fileLen = java.nio.file.Files.size(split.path().toLocalPath());
            StreamFormat.Reader<T> reader = split.offset() == 0
                    ? format.createReader(config, stream, fileLen, split.offset() + split.length())
                    : format.restoreReader(config, stream, split.offset(), fileLen, split.offset() + split.length());
            RecordIterator<T> iterator = new RecordIterator<>(split, reader);
            iterator.skip(split.recordsToSkip());
            return iterator;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    private static final class RecordIterator<T> implements SplitRecordIterator<T, FileSourceSplit> {
        private final FileSourceSplit split;
        private final StreamFormat.Reader<T> reader;
        private long emitted;

        RecordIterator(FileSourceSplit split, StreamFormat.Reader<T> reader) {
            this.split = split;
            this.reader = reader;
            this.emitted = 0;
        }

        void skip(long records) throws IOException {
            while (emitted < records && reader.read() != null) {
                emitted++;
            }
        }

        @Override
        public boolean emitNext(SourceOutput<T> output) throws IOException {
            T record = reader.read();
            if (record == null) {
                return false;
            }
            emitted++;
            output.collect(record);
            return true;
        }

        @Override
        public FileSourceSplit remainingSplit() {
            return split.withRecordsToSkip(emitted);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}

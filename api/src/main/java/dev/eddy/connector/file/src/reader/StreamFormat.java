package dev.eddy.connector.file.src.reader;

import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.java.typeutils.ResultTypeQueryable;
import dev.eddy.configuration.Configuration;
import dev.eddy.core.fs.FSDataInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;

/**
 * Reads records one by one from a file stream (text lines, CSV rows, ...). The format object
 * travels inside the job graph; readers are created on the source task thread and used only there.
 */
public interface StreamFormat<T> extends Serializable, ResultTypeQueryable<T> {
    /**
     * Creates a reader positioned at the start of the split in {@code stream}.
     *
     * @param fileLen length of the whole file
     * @param splitEnd the offset where the split ends (exclusive)
     */
    Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException;

    /**
     * Creates a reader that continues at {@code restoredOffset}. The default seeks there and creates a
     * fresh reader.
     */
    default Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen,
            long splitEnd) throws IOException {
        stream.seek(restoredOffset);
        return createReader(config, stream, fileLen, splitEnd);
    }

    /** True if a file may be cut into several splits at arbitrary offsets. */
    boolean isSplittable();

    /** The type of the records. */
    @Override
    TypeInformation<T> getProducedType();

    /** Reads the records of one split. Task thread only. */
    interface Reader<T> extends Closeable {
        /** The next record, or null at the end of the split. */
        T read() throws IOException;
    }
}

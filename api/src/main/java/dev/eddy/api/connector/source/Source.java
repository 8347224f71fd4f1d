package dev.eddy.api.connector.source;

import dev.eddy.core.io.SimpleVersionedSerializer;
import java.io.Serializable;

/**
 * A data source of the Flink 2.x Source API: a factory for the {@link SplitEnumerator} (which
 * discovers splits and assigns them to readers) and the {@link SourceReader}s (one per parallel
 * subtask, which read the assigned splits).
 *
 * <p>The source object travels inside the job graph (Java serialization), so it must be
 * serializable and hold only configuration. The enumerator factories are called on the JobManager,
 * on the source's coordinator thread; {@link #createReader} on each source task thread (see
 * {@code dev.eddy.streaming.api.operators.source.SourceReaderOperator}).
 *
 * @param <T> records produced
 * @param <SplitT> the split type
 * @param <EnumChkT> the enumerator checkpoint type
 */
public interface Source<T, SplitT extends SourceSplit, EnumChkT> extends Serializable {
    /** Whether the source ends (bounded) or runs forever (unbounded). */
    Boundedness getBoundedness();

    /** Creates the reader of one parallel subtask. */
    SourceReader<T, SplitT> createReader(SourceReaderContext readerContext) throws Exception;

    /** Creates a fresh enumerator (no restored state). */
    SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> enumContext) throws Exception;

    /** Creates an enumerator that continues from a checkpoint. */
    SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(SplitEnumeratorContext<SplitT> enumContext, EnumChkT checkpoint)
            throws Exception;

    /** Serializer of the splits (reader state and split assignment). */
    SimpleVersionedSerializer<SplitT> getSplitSerializer();

    /** Serializer of the enumerator checkpoint. */
    SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer();
}

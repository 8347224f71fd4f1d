package dev.eddy.api.connector.sink2;

import java.io.IOException;
import java.io.Serializable;

/**
 * A sink of the Flink 2.x Sink API: a factory of {@link SinkWriter}s, one per parallel subtask.
 * The sink object travels inside the job graph (Java serialization), so it holds configuration
 * only. {@link #createWriter} is called on the sink task thread when the operator opens.
 *
 * <p>Exactly-once sinks also implement {@link SupportsCommitter} (writer pre-commits at the
 * barrier, committer commits after the checkpoint completed, off the task thread); sinks whose
 * writer has state implement {@link SupportsWriterState}.
 */
public interface Sink<InputT> extends Serializable {
    /** Creates the writer of one parallel subtask. */
    SinkWriter<InputT> createWriter(WriterInitContext context) throws IOException;
}

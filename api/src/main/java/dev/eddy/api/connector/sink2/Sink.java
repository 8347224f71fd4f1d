package dev.eddy.api.connector.sink2;

import java.io.IOException;
import java.io.Serializable;

/**
 * A sink of the Flink 2.x Sink API: a factory of {@link SinkWriter}s, one per parallel subtask.
 * The sink object travels inside the job graph (Java serialization), so it holds configuration
 * only. {@link #createWriter} is called on the sink task thread when the operator opens.
 *
 * <p>Exactly-once sinks (writer + committer, commit after checkpoints) come with checkpointing.
 */
public interface Sink<InputT> extends Serializable {
    /** Creates the writer of one parallel subtask. */
    SinkWriter<InputT> createWriter(WriterInitContext context) throws IOException;
}

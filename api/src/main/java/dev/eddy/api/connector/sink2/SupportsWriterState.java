package dev.eddy.api.connector.sink2;

import dev.eddy.core.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.util.Collection;

/**
 * A {@link Sink} mix-in for writers with state: on restore the operator calls
 * {@link #restoreWriter} with this subtask's share of the states of the old writers (at another
 * parallelism, states are split among the new subtasks) instead of {@code createWriter}.
 */
public interface SupportsWriterState<InputT, WriterStateT> {
    StatefulSinkWriter<InputT, WriterStateT> restoreWriter(WriterInitContext context,
            Collection<WriterStateT> recoveredState) throws IOException;

    SimpleVersionedSerializer<WriterStateT> getWriterStateSerializer();
}

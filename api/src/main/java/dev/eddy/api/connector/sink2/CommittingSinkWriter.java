package dev.eddy.api.connector.sink2;

import java.io.IOException;
import java.util.Collection;

/**
 * A {@link SinkWriter} of a sink that {@link SupportsCommitter supports a committer}. Task thread
 * only. At every checkpoint barrier (and at the end of input) the operator calls
 * {@link #flush(boolean)} and then {@link #prepareCommit()}.
 */
public interface CommittingSinkWriter<InputT, CommittableT> extends SinkWriter<InputT> {
    /**
     * Pre-commits everything written since the last call: the returned committables make it visible
     * when the committer commits them. Must not do slow I/O beyond closing what was written.
     */
    Collection<CommittableT> prepareCommit() throws IOException, InterruptedException;
}

package dev.eddy.api.connector.sink2;

import dev.eddy.core.io.SimpleVersionedSerializer;
import java.io.IOException;

/**
 * A {@link Sink} mix-in for exactly-once sinks: its writer (a {@link CommittingSinkWriter})
 * pre-commits at every checkpoint barrier, and the {@link Committer} created here commits those
 * committables once the checkpoint completed. Committables are kept in checkpoints, serialized with
 * {@link #getCommittableSerializer()}, and committed again after a restore, so commits must be
 * idempotent.
 */
public interface SupportsCommitter<CommittableT> {
    /** Creates the committer of one sink subtask (sink task thread, when the operator initializes). */
    Committer<CommittableT> createCommitter(CommitterInitContext context) throws IOException;

    /** Serializer of the committables (stateless, thread-safe). */
    SimpleVersionedSerializer<CommittableT> getCommittableSerializer();
}

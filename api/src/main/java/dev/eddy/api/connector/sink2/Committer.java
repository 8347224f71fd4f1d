package dev.eddy.api.connector.sink2;

import java.io.IOException;
import java.util.Collection;

/**
 * Makes pre-committed data visible (renames files, commits transactions).
 *
 * <p>Threading: {@link #commit} runs on a committer thread owned by the sink operator, never on the
 * task thread and never concurrently with itself; {@link #close} runs on the task thread after the
 * committer thread stopped. A commit of a committable may be repeated (after a restore, or when a
 * commit was in flight during a checkpoint), so it must be idempotent.
 */
public interface Committer<CommT> extends AutoCloseable {
    /**
     * Commits the given committables. For each request, either return normally (committed), or
     * signal through the request: {@link CommitRequest#retryLater()} (try again with the next
     * checkpoint), {@link CommitRequest#signalFailedWithKnownReason} (give it up, logged) or
     * {@link CommitRequest#signalFailedWithUnknownReason} (fails the job).
     */
    void commit(Collection<CommitRequest<CommT>> committables) throws IOException, InterruptedException;
}

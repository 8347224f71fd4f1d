package dev.eddy.api.connector.sink2;

/**
 * One committable handed to {@link Committer#commit}, through which the committer reports what
 * happened. Used only on the committer thread during that call.
 */
public interface CommitRequest<CommT> {
    CommT getCommittable();

    /** How often this committable was retried already. */
    int getNumberOfRetries();

    /** The commit failed for a known, permanent reason: the committable is dropped (and logged). */
    void signalFailedWithKnownReason(Throwable t);

    /** The commit failed for an unknown reason: the job fails. */
    void signalFailedWithUnknownReason(Throwable t);

    /** The commit should be tried again later (with the next completed checkpoint or at the end). */
    void retryLater();

    /** Like {@link #retryLater()}, with a changed committable. */
    void updateAndRetryLater(CommT committable);

    /** The committable had been committed before (e.g. before a restore): nothing to do. */
    void signalAlreadyCommitted();
}

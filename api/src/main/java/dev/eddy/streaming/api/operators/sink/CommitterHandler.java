package dev.eddy.streaming.api.operators.sink;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.OperatorStateStore;
import dev.eddy.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.eddy.api.connector.sink2.CommitRequest;
import dev.eddy.api.connector.sink2.Committer;
import dev.eddy.core.io.SimpleVersionedSerialization;
import dev.eddy.core.io.SimpleVersionedSerializer;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committer side of a {@link SinkWriterOperator}: pending committables per checkpoint id, their
 * operator state, and the commits.
 *
 * <p><b>Threading.</b> Everything but {@link #runCommit} runs on the task thread. Commits run on a
 * single committer thread owned by this handler (created in {@link #open}, stopped in
 * {@link #close}); a finished commit comes back as mail through the task's {@link MailboxExecutor},
 * which drops the committed entries. At most one commit batch is in flight. A checkpoint taken
 * while a batch is in flight still stores its committables (commits are idempotent).
 *
 * <p><b>State.</b> {@value #STATE_NAME}: split-distributed list of {@code byte[]}, each the
 * checkpoint id (8 bytes) followed by the committable in {@link SimpleVersionedSerialization} form.
 * On restore every restored committable belongs to a completed checkpoint and is committed at open.
 */
final class CommitterHandler<CommT> {
    private static final Logger LOG = LoggerFactory.getLogger(CommitterHandler.class);
    static final String STATE_NAME = "streaming_committer_raw_states";
    /** The id under which end-of-input committables are kept (committed synchronously in finish). */
    static final long END_OF_INPUT = Long.MAX_VALUE;
    private static final int MAX_FINAL_COMMIT_ROUNDS = 10;

    private final Committer<CommT> committer;
    private final SimpleVersionedSerializer<CommT> serializer;
    private final MailboxExecutor mailbox;
    private final String owner;
    private final List<Pending<CommT>> pending = new ArrayList<>();
    private ListState<byte[]> state;
    private ExecutorService executor;
    private Batch<CommT> inFlight;
    private Future<?> inFlightFuture;
    private long requestedUpTo = Long.MIN_VALUE;

    CommitterHandler(Committer<CommT> committer, SimpleVersionedSerializer<CommT> serializer, MailboxExecutor mailbox,
            String owner) {
        this.committer = committer;
        this.serializer = serializer;
        this.mailbox = mailbox;
        this.owner = owner;
    }

    /** Obtains the state; returns the largest restored checkpoint id, or Long.MIN_VALUE when none was restored. */
    long initializeState(OperatorStateStore store, boolean restored) throws Exception {
        state = store.getListState(new ListStateDescriptor<>(STATE_NAME, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        long maxId = Long.MIN_VALUE;
        if (restored) {
            for (byte[] bytes : state.get()) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                long checkpointId = buffer.getLong();
                byte[] rest = new byte[buffer.remaining()];
                buffer.get(rest);
                pending.add(new Pending<>(checkpointId, SimpleVersionedSerialization.readVersionAndDeserialize(serializer, rest)));
                maxId = Math.max(maxId, checkpointId);
            }
        }
        return maxId;
    }

    void open(long restoredUpTo) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sink-committer " + owner);
            t.setDaemon(true);
            return t;
        });
        if (!pending.isEmpty()) {
            LOG.info("{}: committing {} committables restored from checkpoint state", owner, pending.size());
            commitUpTo(restoredUpTo);
        }
    }

    void add(long checkpointId, Collection<CommT> committables) {
        for (CommT c : committables) {
            pending.add(new Pending<>(checkpointId, c));
        }
    }

    int pendingCount() {
        return pending.size();
    }

    boolean hasCommitInFlight() {
        return inFlight != null;
    }

    void snapshotState() throws Exception {
        List<byte[]> serialized = new ArrayList<>(pending.size());
        for (Pending<CommT> p : pending) {
            byte[] committable = SimpleVersionedSerialization.writeVersionAndSerialize(serializer, p.committable);
            serialized.add(ByteBuffer.allocate(8 + committable.length).putLong(p.checkpointId).put(committable).array());
        }
        state.update(serialized);
    }

    /** Starts committing (off the task thread) every pending committable of checkpoints up to {@code checkpointId}. */
    void commitUpTo(long checkpointId) {
        requestedUpTo = Math.max(requestedUpTo, checkpointId);
        if (inFlight != null) {
            return; // the completion mail starts the next batch
        }
        Batch<CommT> batch = collect(requestedUpTo, List.of());
        if (batch.requests.isEmpty()) {
            return;
        }
        inFlight = batch;
        inFlightFuture = executor.submit(() -> {
            runCommit(batch);
            mailbox.execute(() -> onBatchDone(batch), "commit of " + batch.requests.size() + " committables done");
        });
    }

    private Batch<CommT> collect(long upTo, List<Pending<CommT>> exclude) {
        List<Request<CommT>> requests = new ArrayList<>();
        for (Pending<CommT> p : pending) {
            if (p.checkpointId <= upTo && !p.inFlight && !exclude.contains(p)) {
                p.inFlight = true;
                requests.add(new Request<>(p));
            }
        }
        return new Batch<>(requests);
    }

    /** Committer thread (or the task thread at the end of input). */
    private void runCommit(Batch<CommT> batch) {
        try {
            committer.commit(new ArrayList<>(batch.requests));
        } catch (Throwable t) {
            batch.failure = t;
        }
    }

    /** Task thread: applies the outcome of a batch; fails the task on unknown failures. */
    private void onBatchDone(Batch<CommT> batch) throws Exception {
        if (batch.handled) {
            return;
        }
        batch.handled = true;
        if (inFlight == batch) {
            inFlight = null;
            inFlightFuture = null;
        }
        List<Pending<CommT>> retried = new ArrayList<>();
        Throwable unknown = batch.failure;
        for (Request<CommT> r : batch.requests) {
            Pending<CommT> p = r.entry;
            p.inFlight = false;
            switch (r.outcome) {
                case COMMITTED:
                case ALREADY_COMMITTED:
                    if (batch.failure == null) {
                        pending.remove(p);
                    }
                    break;
                case FAILED_KNOWN:
                    LOG.warn("{}: giving up committable {} after a known failure", owner, p.committable, r.failure);
                    pending.remove(p);
                    break;
                case FAILED_UNKNOWN:
                    unknown = unknown != null ? unknown : r.failure;
                    break;
                case RETRY:
                    p.retries++;
                    if (r.updated != null) {
                        p.committable = r.updated;
                    }
                    retried.add(p);
                    break;
                default:
                    throw new IllegalStateException("unknown outcome " + r.outcome);
            }
        }
        if (unknown != null) {
            throw new IllegalStateException(owner + ": committing sink output failed: " + unknown.getMessage()
                    + " (the job fails and retries the commit from its last checkpoint)", unknown);
        }
        Batch<CommT> next = collect(requestedUpTo, retried);
        if (!next.requests.isEmpty()) {
            inFlight = next;
            inFlightFuture = executor.submit(() -> {
                runCommit(next);
                mailbox.execute(() -> onBatchDone(next), "commit of " + next.requests.size() + " committables done");
            });
        }
    }

    /**
     * End of input (task thread): waits for the batch in flight, then commits everything pending on
     * this thread, retrying what asks for it a few times.
     */
    void commitAllNow() throws Exception {
        while (inFlight != null) {
            Batch<CommT> batch = inFlight;
            inFlightFuture.get();
            onBatchDoneWithoutFollowUp(batch);
        }
        for (int round = 0; round < MAX_FINAL_COMMIT_ROUNDS && !pending.isEmpty(); round++) {
            Batch<CommT> batch = collect(END_OF_INPUT, List.of());
            runCommit(batch);
            onBatchDoneWithoutFollowUp(batch);
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(owner + ": " + pending.size() + " committables still ask to be retried after "
                    + MAX_FINAL_COMMIT_ROUNDS + " commit rounds at the end of input; first: " + pending.get(0).committable);
        }
    }

    private void onBatchDoneWithoutFollowUp(Batch<CommT> batch) throws Exception {
        long saved = requestedUpTo;
        requestedUpTo = Long.MIN_VALUE; // no follow-up batch on the committer thread
        try {
            onBatchDone(batch);
        } finally {
            requestedUpTo = saved;
        }
    }

    void close() throws Exception {
        Exception failure = null;
        if (executor != null) {
            executor.shutdownNow();
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("{}: the committer thread did not stop within 10 s", owner);
            }
        }
        try {
            committer.close();
        } catch (Exception e) {
            failure = e;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static final class Pending<CommT> {
        final long checkpointId;
        CommT committable;
        int retries;
        boolean inFlight;

        Pending(long checkpointId, CommT committable) {
            this.checkpointId = checkpointId;
            this.committable = committable;
        }
    }

    private static final class Batch<CommT> {
        final List<Request<CommT>> requests;
        volatile Throwable failure;
        boolean handled;

        Batch(List<Request<CommT>> requests) {
            this.requests = requests;
        }
    }

    enum Outcome { COMMITTED, ALREADY_COMMITTED, FAILED_KNOWN, FAILED_UNKNOWN, RETRY }

    /** One committable's request; written by the committer thread, read by the task thread after the batch. */
    private static final class Request<CommT> implements CommitRequest<CommT> {
        final Pending<CommT> entry;
        final CommT committable;
        final int retries;
        volatile Outcome outcome = Outcome.COMMITTED;
        volatile Throwable failure;
        volatile CommT updated;

        Request(Pending<CommT> entry) {
            this.entry = entry;
            this.committable = entry.committable;
            this.retries = entry.retries;
        }

        @Override
        public CommT getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return retries;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            outcome = Outcome.FAILED_KNOWN;
            failure = t;
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            outcome = Outcome.FAILED_UNKNOWN;
            failure = t;
        }

        @Override
        public void retryLater() {
            outcome = Outcome.RETRY;
        }

        @Override
        public void updateAndRetryLater(CommT committable) {
            outcome = Outcome.RETRY;
            updated = committable;
        }

        @Override
        public void signalAlreadyCommitted() {
            outcome = Outcome.ALREADY_COMMITTED;
        }
    }
}

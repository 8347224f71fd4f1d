package dev.eddy.streaming.api.operators.async;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.StateSnapshotContext;
import dev.eddy.streaming.api.datastream.AsyncDataStream.OutputMode;
import dev.eddy.streaming.api.functions.async.AsyncFunction;
import dev.eddy.streaming.api.functions.async.AsyncRetryPredicate;
import dev.eddy.streaming.api.functions.async.AsyncRetryStrategy;
import dev.eddy.streaming.api.operators.AbstractUdfStreamOperator;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs an {@link AsyncFunction} per input record with at most {@code capacity} records and
 * watermarks queued, emitting the results in input order ({@link OutputMode#ORDERED}) or as they
 * complete but never across a watermark ({@link OutputMode#UNORDERED}). Results keep the input
 * record's timestamp.
 *
 * <p>Threading: every method runs on the task thread and the operator takes no locks. A
 * {@code ResultFuture} completed on another thread hands its results over as mail
 * ({@link MailboxExecutor#execute}); timeouts and retry backoffs are processing-time timers, whose
 * callbacks are mail too. When the queue is full, {@link #processElement}/{@link #processWatermark}
 * run mail through {@link MailboxExecutor#yield} until an entry has left: this is how the input is
 * backpressured. {@link #finish} likewise yields until every queued entry has been emitted.
 *
 * <p>Timeouts: each record's timeout starts when it enters the queue and covers the first attempt
 * and all retries; the deadlines share one processing-time timer ({@link Timeouts}). On expiry
 * {@link AsyncFunction#timeout} is called (its default fails the job). An error that is not retried
 * fails the job.
 *
 * <p>Checkpoints: {@link #snapshotState} writes every queued element not yet emitted (records in
 * flight or done, and watermarks, with timestamps, in input order) to the operator list state
 * {@value #STATE_NAME}; after a restore, {@link #open} feeds them to the operator again, so their
 * requests are made again (as in Flink: results are not stored, inputs are re-processed). On
 * rescaling the list is split among the new subtasks.
 *
 * <p>Known limit: {@code yield} runs any mail of the task. In a source task the checkpoint trigger
 * is mail too, so with a full queue a checkpoint can be taken while a source record is being
 * emitted through the chain. The record itself is then in neither the source's nor this
 * operator's state (it is emitted again after a restore: consistent), but records an upstream
 * chained operator (e.g. a flatMap) emitted for it before this one blocked, or state it updated,
 * would be replayed twice. Flink avoids this with mailbox priorities (a yielding operator does not
 * run checkpoint triggers); Eddy's mailbox has none yet. Separate the async operator from such a
 * chain (e.g. {@code startNewChain()}) if exactly-once matters there.
 */
public class AsyncWaitOperator<IN, OUT> extends AbstractUdfStreamOperator<OUT, AsyncFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT>, AttemptResultFuture.Listener<IN, OUT> {
    private static final long serialVersionUID = 1L;
    /** Name of the operator list state holding the queued elements. */
    public static final String STATE_NAME = "_async_wait_operator_state_";

    private final long timeoutMillis;
    private final int capacity;
    private final OutputMode outputMode;
    private final AsyncRetryStrategy<OUT> retryStrategy;
    private final TypeSerializer<IN> inputSerializer;

    private transient MailboxExecutor mailbox;
    private transient ProcessingTimeService timers;
    private transient StreamElementQueue queue;
    private transient AsyncRetryPredicate<OUT> retryPredicate;
    private transient QueuedElementCodec<IN> codec;
    /** Null when there is no timeout. */
    private transient Timeouts<RecordEntry<IN, OUT>> timeouts;
    private transient ListState<byte[]> queueState;
    private transient List<byte[]> recovered;
    /** Number of watermarks queued so far (segments of the unordered queue). */
    private transient long epoch;
    private transient boolean closed;

    /**
     * @param timeoutMillis the time a record may take over all its attempts; &lt;= 0: no timeout
     * @param capacity how many records and watermarks may be queued at once (&gt; 0)
     * @param retryStrategy when to retry, or null for never
     * @param inputSerializer writes queued inputs into checkpoints; null if the input type has no
     *     serializer (then a checkpoint with records in flight fails, naming the problem)
     */
    public AsyncWaitOperator(AsyncFunction<IN, OUT> asyncFunction, long timeoutMillis, int capacity, OutputMode outputMode,
            AsyncRetryStrategy<OUT> retryStrategy, TypeSerializer<IN> inputSerializer) {
        super(asyncFunction);
        if (capacity <= 0) {
            throw new IllegalArgumentException("The capacity of the async operator must be > 0, was " + capacity);
        }
        if (outputMode == null) {
            throw new IllegalArgumentException("outputMode must not be null");
        }
        this.timeoutMillis = timeoutMillis;
        this.capacity = capacity;
        this.outputMode = outputMode;
        this.retryStrategy = retryStrategy;
        this.inputSerializer = inputSerializer;
    }

    public int getCapacity() {
        return capacity;
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public OutputMode getOutputMode() {
        return outputMode;
    }

    @Override
    public void setup(StreamOperatorParameters<OUT> parameters) {
        super.setup(parameters);
        this.mailbox = parameters.getMailboxExecutor();
        this.timers = parameters.getProcessingTimeService();
        this.queue = outputMode == OutputMode.ORDERED ? StreamElementQueue.ordered() : StreamElementQueue.unordered();
        this.retryPredicate = retryStrategy == null ? null : retryStrategy.getRetryPredicate();
        this.codec = inputSerializer == null ? null : new QueuedElementCodec<>(inputSerializer.duplicate());
        this.timeouts = timeoutMillis > 0 ? new Timeouts<>(timers, timeoutMillis, this::onTimeout) : null;
        this.epoch = 0;
        this.closed = false;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        queueState = context.getOperatorStateStore()
                .getListState(new ListStateDescriptor<>(STATE_NAME, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        if (context.isRestored()) {
            recovered = new ArrayList<>();
            for (byte[] bytes : queueState.get()) {
                recovered.add(bytes);
            }
        }
    }

    /** Opens the function, then re-processes the elements restored from a checkpoint (if any), in order. */
    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        List<byte[]> restored = recovered;
        recovered = null;
        if (restored == null || restored.isEmpty()) {
            return;
        }
        QueuedElementCodec<IN> c = requireCodec("restore the queued elements of");
        for (byte[] bytes : restored) {
            Object element = c.decode(bytes);
            if (element instanceof Watermark) {
                processWatermark((Watermark) element);
            } else {
                processElement((StreamRecord<IN>) element);
            }
        }
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        waitForCapacity();
        RecordEntry<IN, OUT> entry = new RecordEntry<>(element, epoch);
        queue.add(entry);
        if (timeouts != null) {
            timeouts.track(entry);
        }
        startAttempt(entry);
    }

    /** Queues the watermark behind the records before it; it is emitted once they all have been. */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        waitForCapacity();
        queue.add(new QueueEntry.WatermarkEntry(mark));
        epoch++;
        emitCompleted();
    }

    /** Waits (running mail) until every queued entry has been emitted. */
    @Override
    public void finish() throws Exception {
        while (!queue.isEmpty()) {
            mailbox.yield();
        }
        super.finish();
    }

    /** Cancels the timers of queued entries; results arriving later are dropped. */
    @Override
    public void close() throws Exception {
        closed = true;
        try {
            if (timeouts != null) {
                timeouts.cancel();
            }
            if (queue != null) {
                for (QueueEntry e : queue.entries()) {
                    if (e instanceof RecordEntry) {
                        ((RecordEntry<?, ?>) e).cancelRetryTimer();
                    }
                }
            }
        } finally {
            super.close();
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<QueueEntry> entries = queue.entries();
        List<byte[]> elements = new ArrayList<>(entries.size());
        for (QueueEntry e : entries) {
            if (e instanceof QueueEntry.WatermarkEntry) {
                elements.add(requireCodec("checkpoint").encodeWatermark(((QueueEntry.WatermarkEntry) e).watermark));
            } else {
                RecordEntry<?, ?> r = (RecordEntry<?, ?>) e;
                elements.add(encodeRecord(requireCodec("checkpoint"), r));
            }
        }
        queueState.update(elements);
    }

    @SuppressWarnings("unchecked")
    private byte[] encodeRecord(QueuedElementCodec<IN> c, RecordEntry<?, ?> r) throws Exception {
        return c.encodeRecord((IN) r.value, r.hasTimestamp, r.timestamp);
    }

    /** Task thread: the first completion of an attempt's ResultFuture. */
    @Override
    public void onAttemptCompleted(AttemptResultFuture<IN, OUT> attempt, Collection<OUT> results, Throwable error) throws Exception {
        RecordEntry<IN, OUT> entry = attempt.entry;
        if (closed || entry.currentAttempt != attempt || entry.state() != EntryState.IN_FLIGHT) {
            return; // superseded attempt, or the operator has ended
        }
        if (!entry.timedOut && retryWanted(entry, results, error)) {
            scheduleRetry(entry);
            return;
        }
        if (error != null) {
            throw new AsyncIOException("The async request for input " + entry.value + " failed after " + entry.attempts
                    + " attempt(s)" + (entry.timedOut ? " and a timeout" : "") + ": " + error
                    + ". Fix the cause, or let a retry strategy (AsyncDataStream.*WithRetry) or AsyncFunction.timeout handle it", error);
        }
        entry.results = results;
        entry.transitionTo(EntryState.DONE);
        entry.cancelRetryTimer();
        if (timeouts != null) {
            timeouts.untrack(entry);
        }
        queue.onCompleted(entry);
        emitCompleted();
    }

    private boolean retryWanted(RecordEntry<IN, OUT> entry, Collection<OUT> results, Throwable error) {
        if (retryStrategy == null || !retryStrategy.canRetry(entry.attempts)) {
            return false;
        }
        if (error != null) {
            return retryPredicate.exceptionPredicate().map(p -> p.test(error)).orElse(false);
        }
        return retryPredicate.resultPredicate().map((Predicate<Collection<OUT>> p) -> p.test(results)).orElse(false);
    }

    private void scheduleRetry(RecordEntry<IN, OUT> entry) {
        entry.transitionTo(EntryState.RETRY_WAIT);
        long due = timers.getCurrentProcessingTime() + Math.max(0, retryStrategy.getBackoffTimeMillis(entry.attempts));
        entry.retryTimer = timers.registerTimer(due, time -> {
            entry.retryTimer = null;
            if (!closed && entry.state() == EntryState.RETRY_WAIT) {
                entry.transitionTo(EntryState.IN_FLIGHT);
                startAttempt(entry);
            }
        });
    }

    private void startAttempt(RecordEntry<IN, OUT> entry) throws Exception {
        entry.attempts++;
        AttemptResultFuture<IN, OUT> attempt = new AttemptResultFuture<>(entry, mailbox, this);
        entry.currentAttempt = attempt;
        userFunction.asyncInvoke(entry.value, attempt);
    }

    /**
     * The record's time is up. While an attempt is in flight, the function's timeout gets that
     * attempt's ResultFuture (a completion already on its way wins); while waiting for a retry, the
     * retry is cancelled and the timeout gets a fresh one. Either way no retry follows.
     */
    private void onTimeout(RecordEntry<IN, OUT> entry) throws Exception {
        if (closed || entry.state() == EntryState.DONE || entry.state() == EntryState.EMITTED) {
            return;
        }
        entry.timedOut = true;
        if (entry.state() == EntryState.RETRY_WAIT) {
            entry.cancelRetryTimer();
            entry.transitionTo(EntryState.IN_FLIGHT);
            entry.currentAttempt = new AttemptResultFuture<>(entry, mailbox, this);
        }
        userFunction.timeout(entry.value, entry.currentAttempt);
    }

    private void waitForCapacity() throws Exception {
        while (queue.size() >= capacity) {
            mailbox.yield();
        }
    }

    private void emitCompleted() throws Exception {
        queue.emitCompleted(this::emit);
    }

    @SuppressWarnings("unchecked")
    private void emit(QueueEntry entry) {
        if (entry instanceof QueueEntry.WatermarkEntry) {
            Watermark mark = ((QueueEntry.WatermarkEntry) entry).watermark;
            currentWatermark = mark.getTimestamp();
            output.emitWatermark(mark);
            return;
        }
        RecordEntry<IN, OUT> record = (RecordEntry<IN, OUT>) entry;
        record.transitionTo(EntryState.EMITTED);
        for (OUT result : record.results) {
            output.collect(record.hasTimestamp ? new StreamRecord<>(result, record.timestamp) : new StreamRecord<>(result));
        }
        record.results = null;
    }

    private QueuedElementCodec<IN> requireCodec(String what) {
        if (codec == null) {
            throw new IllegalStateException("Cannot " + what + " the async operator around " + userFunction.getClass().getName()
                    + ": its input type has no serializer. Give the input stream a serializable type (e.g. returns(...))");
        }
        return codec;
    }

    /** Package-private view for tests: entries queued now. */
    int queuedEntries() {
        return queue.size();
    }

    /** The async request of a record failed and is not retried. */
    public static final class AsyncIOException extends Exception {
        private static final long serialVersionUID = 1L;

        AsyncIOException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package dev.eddy.streaming.api.operators;

import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.StateSnapshotContext;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.TimeDomain;
import dev.eddy.streaming.api.functions.TimerService;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs a {@link KeyedProcessFunction} with per-key timers held in memory.
 *
 * <p>Event-time timers fire when a watermark reaches them, before the watermark is forwarded, in
 * timestamp order, with their key as current key; their output carries the timer's timestamp.
 * Processing-time timers fire from a {@link ProcessingTimeService} callback (mail on the task
 * thread); their output has no timestamp. Registering an equal (key, time) timer twice yields one
 * firing.
 *
 * <p>Timers are part of checkpoints: {@link #snapshotState} writes them per key group into raw keyed
 * state ({@link KeyedTimersSnapshot}); {@link #initializeState} restores those of this subtask's key
 * groups (also after rescaling). A restored processing-time timer that is already due fires right
 * after {@code open}, as mail.
 */
public class KeyedProcessOperator<K, IN, OUT> extends AbstractUdfStreamOperator<OUT, KeyedProcessFunction<K, IN, OUT>>
        implements OneInputStreamOperator<IN, OUT> {
    private static final long serialVersionUID = 1L;
    private transient TimestampedCollector<OUT> collector;
    private transient ContextImpl context;
    private transient OnTimerContextImpl onTimerContext;
    private transient TimerServiceImpl timerService;
    private transient HeapTimerQueue eventTimers;
    private transient HeapTimerQueue processingTimers;
    private transient long scheduledProcessingTime;
    private transient ScheduledFuture<?> scheduledFuture;

    public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        requireKeyedBackend();
        collector = new TimestampedCollector<>(output);
        context = new ContextImpl(userFunction);
        onTimerContext = new OnTimerContextImpl(userFunction);
        timerService = new TimerServiceImpl();
        if (eventTimers == null) {
            eventTimers = new HeapTimerQueue();
            processingTimers = new HeapTimerQueue();
        }
        scheduledProcessingTime = Long.MAX_VALUE;
        if (processingTimers.size() > 0) {
            scheduleProcessingTimeHead();
        }
    }

    /** Restores the timers of this subtask's key groups, then the function's state (before open). */
    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        eventTimers = new HeapTimerQueue();
        processingTimers = new HeapTimerQueue();
        KeyedStateBackend<Object> backend = getKeyedStateBackend();
        if (backend != null) {
            KeyedTimersSnapshot.restore(context.getRawKeyedStateInputs(), backend, eventTimers, processingTimers);
        }
        super.initializeState(context);
    }

    /** Writes the timers per key group into raw keyed state, then the function's state. */
    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        if (eventTimers != null && (eventTimers.size() > 0 || processingTimers.size() > 0)) {
            KeyedTimersSnapshot.write(context.getRawKeyedOperatorStateOutput(), requireKeyedBackend(), eventTimers, processingTimers);
        }
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        try {
            userFunction.processElement(element.getValue(), context, collector);
        } finally {
            context.element = null;
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        currentWatermark = mark.getTimestamp();
        HeapTimerQueue.Timer timer;
        while ((timer = eventTimers.pollIfDue(mark.getTimestamp())) != null) {
            fire(timer, TimeDomain.EVENT_TIME);
        }
        output.emitWatermark(mark);
    }

    private void onProcessingTime(long time) throws Exception {
        scheduledFuture = null;
        scheduledProcessingTime = Long.MAX_VALUE;
        HeapTimerQueue.Timer timer;
        while ((timer = processingTimers.pollIfDue(time)) != null) {
            fire(timer, TimeDomain.PROCESSING_TIME);
        }
        scheduleProcessingTimeHead();
    }

    private void scheduleProcessingTimeHead() {
        long head = processingTimers.headTimestamp();
        if (head < scheduledProcessingTime) {
            if (scheduledFuture != null) {
                scheduledFuture.cancel(false);
            }
            scheduledProcessingTime = head;
            scheduledFuture = getProcessingTimeService().registerTimer(head, this::onProcessingTime);
        }
    }

    private void fire(HeapTimerQueue.Timer timer, TimeDomain domain) throws Exception {
        setCurrentKey(timer.getKey());
        if (domain == TimeDomain.EVENT_TIME) {
            collector.setAbsoluteTimestamp(timer.getTimestamp());
        } else {
            collector.eraseTimestamp();
        }
        onTimerContext.timer = timer;
        onTimerContext.domain = domain;
        try {
            userFunction.onTimer(timer.getTimestamp(), onTimerContext, collector);
        } finally {
            onTimerContext.timer = null;
        }
    }

    @Override
    public void close() throws Exception {
        if (scheduledFuture != null) {
            scheduledFuture.cancel(false);
            scheduledFuture = null;
        }
        super.close();
    }

    /** Number of registered event-time timers (for tests and metrics). */
    public int numEventTimeTimers() {
        return eventTimers.size();
    }

    /** Number of registered processing-time timers (for tests and metrics). */
    public int numProcessingTimeTimers() {
        return processingTimers.size();
    }

    @SuppressWarnings("unchecked")
    private K currentKey() {
        return (K) getCurrentKey();
    }

    private final class TimerServiceImpl implements TimerService {
        @Override
        public long currentProcessingTime() {
            return getProcessingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            if (processingTimers.add(getCurrentKey(), time)) {
                scheduleProcessingTimeHead();
            }
        }

        @Override
        public void registerEventTimeTimer(long time) {
            eventTimers.add(getCurrentKey(), time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            processingTimers.remove(getCurrentKey(), time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            eventTimers.remove(getCurrentKey(), time);
        }
    }

    private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.Context {
        private StreamRecord<IN> element;

        ContextImpl(KeyedProcessFunction<K, IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(dev.eddy.util.OutputTag<X> outputTag, X value) {
            Long ts = timestamp();
            output.collect(outputTag, ts == null ? new StreamRecord<>(value) : new StreamRecord<>(value, ts));
        }

        @Override
        public K getCurrentKey() {
            return currentKey();
        }
    }

    private final class OnTimerContextImpl extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
        private HeapTimerQueue.Timer timer;
        private TimeDomain domain;

        OnTimerContextImpl(KeyedProcessFunction<K, IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return timer == null ? null : timer.getTimestamp();
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(dev.eddy.util.OutputTag<X> outputTag, X value) {
            Long ts = timestamp();
            output.collect(outputTag, ts == null ? new StreamRecord<>(value) : new StreamRecord<>(value, ts));
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }

        @Override
        public K getCurrentKey() {
            return currentKey();
        }
    }
}

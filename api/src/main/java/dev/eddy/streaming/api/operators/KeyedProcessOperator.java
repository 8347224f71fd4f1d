package dev.eddy.streaming.api.operators;

import dev.eddy.runtime.state.VoidNamespace;
import dev.eddy.runtime.state.VoidNamespaceSerializer;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.TimeDomain;
import dev.eddy.streaming.api.functions.TimerService;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/**
 * Runs a {@link KeyedProcessFunction} with per-key timers from the operator's internal timer
 * service {@code "user-timers"} (namespace {@link VoidNamespace}).
 *
 * <p>Event-time timers fire when a watermark reaches them, before the watermark is forwarded, in
 * timestamp order, with their key as current key; their output carries the timer's timestamp.
 * Processing-time timers fire from a {@link ProcessingTimeService} callback (mail on the task
 * thread); their output has no timestamp. Registering an equal (key, time) timer twice yields one
 * firing. Timers are part of checkpoints (see {@link InternalTimeServiceManager}); a restored
 * processing-time timer that is already due fires right after {@code open}, as mail.
 */
public class KeyedProcessOperator<K, IN, OUT> extends AbstractUdfStreamOperator<OUT, KeyedProcessFunction<K, IN, OUT>>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<K, VoidNamespace> {
    private static final long serialVersionUID = 1L;
    private transient TimestampedCollector<OUT> collector;
    private transient ContextImpl context;
    private transient OnTimerContextImpl onTimerContext;
    private transient TimerService timerService;
    private transient InternalTimerService<VoidNamespace> internalTimers;

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
        internalTimers = getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, this);
        timerService = new dev.eddy.streaming.api.operators.co.VoidNamespaceTimerService(internalTimers);
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
    public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.getTimestamp());
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) throws Exception {
        onTimerContext.timer = timer;
        onTimerContext.domain = domain;
        try {
            userFunction.onTimer(timer.getTimestamp(), onTimerContext, collector);
        } finally {
            onTimerContext.timer = null;
        }
    }

    /** Number of registered event-time timers (for tests and metrics). */
    public int numEventTimeTimers() {
        return internalTimers.numEventTimeTimers();
    }

    /** Number of registered processing-time timers (for tests and metrics). */
    public int numProcessingTimeTimers() {
        return internalTimers.numProcessingTimeTimers();
    }

    @SuppressWarnings("unchecked")
    private K currentKey() {
        return (K) getCurrentKey();
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
        private InternalTimer<K, VoidNamespace> timer;
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

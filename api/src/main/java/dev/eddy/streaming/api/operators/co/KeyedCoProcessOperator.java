package dev.eddy.streaming.api.operators.co;

import dev.eddy.runtime.state.VoidNamespace;
import dev.eddy.runtime.state.VoidNamespaceSerializer;
import dev.eddy.streaming.api.functions.TimeDomain;
import dev.eddy.streaming.api.functions.TimerService;
import dev.eddy.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.eddy.streaming.api.operators.AbstractUdfStreamOperator;
import dev.eddy.streaming.api.operators.InternalTimer;
import dev.eddy.streaming.api.operators.TimestampedCollector;
import dev.eddy.streaming.api.operators.Triggerable;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.util.OutputTag;

/**
 * Runs a {@link KeyedCoProcessFunction}: both inputs keyed by the same key type share keyed state
 * and the timer service "user-timers" (part of checkpoints, rescaled with key groups). Event-time
 * timers fire when the combined watermark (minimum of both inputs) passes them, their output
 * carrying the timer's timestamp; processing-time timers fire as mail, output without timestamp.
 * Task thread only.
 */
public class KeyedCoProcessOperator<K, IN1, IN2, OUT>
        extends AbstractUdfStreamOperator<OUT, KeyedCoProcessFunction<K, IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<K, VoidNamespace> {
    private static final long serialVersionUID = 1L;
    private transient TimestampedCollector<OUT> collector;
    private transient ContextImpl context;
    private transient OnTimerContextImpl onTimerContext;
    private transient TimerService timerService;

    public KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        requireKeyedBackend();
        collector = new TimestampedCollector<>(output);
        timerService = new VoidNamespaceTimerService(
                getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, this));
        context = new ContextImpl(userFunction);
        onTimerContext = new OnTimerContextImpl(userFunction);
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        try {
            userFunction.processElement1(element.getValue(), context, collector);
        } finally {
            context.element = null;
        }
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        try {
            userFunction.processElement2(element.getValue(), context, collector);
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

    @SuppressWarnings("unchecked")
    private K currentKey() {
        return (K) getCurrentKey();
    }

    private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
        private StreamRecord<?> element;

        ContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return CoOperators.timestampOf(element);
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            CoOperators.emitSide(output, outputTag, value, timestamp());
        }

        @Override
        public K getCurrentKey() {
            return currentKey();
        }
    }

    private final class OnTimerContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        private InternalTimer<K, VoidNamespace> timer;
        private TimeDomain domain;

        OnTimerContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
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
        public <X> void output(OutputTag<X> outputTag, X value) {
            CoOperators.emitSide(output, outputTag, value, timestamp());
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

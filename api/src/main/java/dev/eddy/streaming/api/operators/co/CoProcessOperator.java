package dev.eddy.streaming.api.operators.co;

import dev.eddy.runtime.state.VoidNamespace;
import dev.eddy.runtime.state.VoidNamespaceSerializer;
import dev.eddy.streaming.api.functions.TimeDomain;
import dev.eddy.streaming.api.functions.TimerService;
import dev.eddy.streaming.api.functions.co.CoProcessFunction;
import dev.eddy.streaming.api.operators.AbstractUdfStreamOperator;
import dev.eddy.streaming.api.operators.InternalTimer;
import dev.eddy.streaming.api.operators.TimestampedCollector;
import dev.eddy.streaming.api.operators.Triggerable;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.util.OutputTag;

/**
 * Runs a {@link CoProcessFunction}: timestamps, side outputs and the current time. When both inputs
 * are keyed (connected keyed streams) the function also has keyed state and per-key timers (timer
 * service "user-timers", fired like a {@link KeyedCoProcessOperator}'s); otherwise setting a timer
 * fails. Task thread only.
 */
public class CoProcessOperator<IN1, IN2, OUT> extends AbstractUdfStreamOperator<OUT, CoProcessFunction<IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<Object, VoidNamespace> {
    private static final long serialVersionUID = 1L;
    private transient TimestampedCollector<OUT> collector;
    private transient ContextImpl context;
    private transient OnTimerContextImpl onTimerContext;
    /** Null when the inputs are not keyed. */
    private transient TimerService keyedTimers;

    public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        context = new ContextImpl(userFunction);
        onTimerContext = new OnTimerContextImpl(userFunction);
        if (getKeyedStateBackend() != null) {
            keyedTimers = new VoidNamespaceTimerService(
                    getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, this));
        }
    }

    @Override
    public void onEventTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.getTimestamp());
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<Object, VoidNamespace> timer, TimeDomain domain) throws Exception {
        onTimerContext.timer = timer;
        onTimerContext.domain = domain;
        try {
            userFunction.onTimer(timer.getTimestamp(), onTimerContext, collector);
        } finally {
            onTimerContext.timer = null;
        }
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

    private final class ContextImpl extends CoProcessFunction<IN1, IN2, OUT>.Context implements TimerService {
        private StreamRecord<?> element;

        ContextImpl(CoProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return CoOperators.timestampOf(element);
        }

        @Override
        public TimerService timerService() {
            return keyedTimers != null ? keyedTimers : this;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            CoOperators.emitSide(output, outputTag, value, timestamp());
        }

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
            throw new UnsupportedOperationException(CoOperators.NO_TIMERS);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            throw new UnsupportedOperationException(CoOperators.NO_TIMERS);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException(CoOperators.NO_TIMERS);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            throw new UnsupportedOperationException(CoOperators.NO_TIMERS);
        }
    }

    private final class OnTimerContextImpl extends CoProcessFunction<IN1, IN2, OUT>.OnTimerContext {
        private InternalTimer<Object, VoidNamespace> timer;
        private TimeDomain domain;

        OnTimerContextImpl(CoProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return timer == null ? null : timer.getTimestamp();
        }

        @Override
        public TimerService timerService() {
            return keyedTimers;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            CoOperators.emitSide(output, outputTag, value, timestamp());
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }
    }
}

package dev.eddy.streaming.api.operators.co;

import dev.eddy.api.common.state.BroadcastState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReadOnlyBroadcastState;
import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.state.KeyedStateFunction;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.VoidNamespace;
import dev.eddy.runtime.state.VoidNamespaceSerializer;
import dev.eddy.streaming.api.functions.TimeDomain;
import dev.eddy.streaming.api.functions.TimerService;
import dev.eddy.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.eddy.streaming.api.operators.AbstractUdfStreamOperator;
import dev.eddy.streaming.api.operators.InternalTimer;
import dev.eddy.streaming.api.operators.TimestampedCollector;
import dev.eddy.streaming.api.operators.Triggerable;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.util.OutputTag;
import java.util.List;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: input 1 is the keyed stream (keyed state, timers,
 * read-only broadcast state), input 2 the broadcast stream (read-write broadcast state, no current
 * key; {@code applyToKeyedState} visits the keyed state of every key through the keyed state
 * backend's {@code applyToAllKeys}). Broadcast states are operator state; timers live in the
 * timer service "user-timers".
 * Task thread only.
 */
public class CoBroadcastWithKeyedOperator<KS, IN1, IN2, OUT>
        extends AbstractUdfStreamOperator<OUT, KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<KS, VoidNamespace> {
    private static final long serialVersionUID = 1L;
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;
    private transient BroadcastStates states;
    private transient TimestampedCollector<OUT> collector;
    private transient ReadWriteContext rwContext;
    private transient ReadOnlyContext roContext;
    private transient OnTimerContext onTimerContext;
    private transient TimerService timerService;

    public CoBroadcastWithKeyedOperator(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        super(function);
        this.broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        states = new BroadcastStates(context.getOperatorStateStore(), broadcastStateDescriptors);
        super.initializeState(context);
    }

    @Override
    public void open() throws Exception {
        super.open();
        requireKeyedBackend();
        collector = new TimestampedCollector<>(output);
        timerService = new VoidNamespaceTimerService(
                getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, this));
        rwContext = new ReadWriteContext(userFunction);
        roContext = new ReadOnlyContext(userFunction);
        onTimerContext = new OnTimerContext(userFunction);
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        collector.setTimestamp(element);
        roContext.element = element;
        try {
            userFunction.processElement(element.getValue(), roContext, collector);
        } finally {
            roContext.element = null;
        }
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        collector.setTimestamp(element);
        rwContext.element = element;
        try {
            userFunction.processBroadcastElement(element.getValue(), rwContext, collector);
        } finally {
            rwContext.element = null;
        }
    }

    @Override
    public void onEventTime(InternalTimer<KS, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.getTimestamp());
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<KS, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<KS, VoidNamespace> timer, TimeDomain domain) throws Exception {
        onTimerContext.timer = timer;
        onTimerContext.domain = domain;
        try {
            userFunction.onTimer(timer.getTimestamp(), onTimerContext, collector);
        } finally {
            onTimerContext.timer = null;
        }
    }

    private final class ReadWriteContext extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {
        private StreamRecord<?> element;

        ReadWriteContext(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return states.get(stateDescriptor);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <VS, S extends State> void applyToKeyedState(StateDescriptor<S, VS> stateDescriptor,
                KeyedStateFunction<KS, S> function) throws Exception {
            java.util.Objects.requireNonNull(stateDescriptor, "stateDescriptor");
            java.util.Objects.requireNonNull(function, "function");
            if (element == null) {
                throw new IllegalStateException("applyToKeyedState('" + stateDescriptor.getName() + "') was called outside"
                        + " processBroadcastElement; keep the Context only for the duration of that call");
            }
            KeyedStateBackend<KS> backend = (KeyedStateBackend<KS>) (KeyedStateBackend<?>) requireKeyedBackend();
            backend.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, stateDescriptor, function);
        }

        @Override
        public Long timestamp() {
            return CoOperators.timestampOf(element);
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
    }

    private class ReadOnlyContext extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.ReadOnlyContext {
        StreamRecord<?> element;

        ReadOnlyContext(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return states.getReadOnly(stateDescriptor);
        }

        @Override
        public Long timestamp() {
            return CoOperators.timestampOf(element);
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
        public TimerService timerService() {
            return timerService;
        }

        @Override
        @SuppressWarnings("unchecked")
        public KS getCurrentKey() {
            return (KS) CoBroadcastWithKeyedOperator.this.getCurrentKey();
        }
    }

    private final class OnTimerContext extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.OnTimerContext {
        private InternalTimer<KS, VoidNamespace> timer;
        private TimeDomain domain;

        OnTimerContext(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return states.getReadOnly(stateDescriptor);
        }

        @Override
        public Long timestamp() {
            return timer == null ? null : timer.getTimestamp();
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
        public TimerService timerService() {
            return timerService;
        }

        @Override
        @SuppressWarnings("unchecked")
        public KS getCurrentKey() {
            return (KS) CoBroadcastWithKeyedOperator.this.getCurrentKey();
        }
    }
}

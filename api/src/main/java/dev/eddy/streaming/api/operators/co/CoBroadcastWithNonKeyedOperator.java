package dev.eddy.streaming.api.operators.co;

import dev.eddy.api.common.state.BroadcastState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReadOnlyBroadcastState;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.streaming.api.functions.co.BroadcastProcessFunction;
import dev.eddy.streaming.api.operators.AbstractUdfStreamOperator;
import dev.eddy.streaming.api.operators.TimestampedCollector;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.util.OutputTag;
import java.util.List;

/**
 * Runs a {@link BroadcastProcessFunction}: input 1 is the non-broadcast stream (read-only broadcast
 * state), input 2 the broadcast stream (read-write). The broadcast states are operator state,
 * created or restored in {@link #initializeState}. Task thread only.
 */
public class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT>
        extends AbstractUdfStreamOperator<OUT, BroadcastProcessFunction<IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;
    private transient BroadcastStates states;
    private transient TimestampedCollector<OUT> collector;
    private transient ReadWriteContext rwContext;
    private transient ReadOnlyContext roContext;

    public CoBroadcastWithNonKeyedOperator(BroadcastProcessFunction<IN1, IN2, OUT> function,
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
        collector = new TimestampedCollector<>(output);
        rwContext = new ReadWriteContext(userFunction);
        roContext = new ReadOnlyContext(userFunction);
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

    private final class ReadWriteContext extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
        private StreamRecord<?> element;

        ReadWriteContext(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return states.get(stateDescriptor);
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

    private final class ReadOnlyContext extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
        private StreamRecord<?> element;

        ReadOnlyContext(BroadcastProcessFunction<IN1, IN2, OUT> function) {
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
    }
}

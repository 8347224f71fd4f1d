package dev.eddy.streaming.api.functions.co;

import dev.eddy.api.common.functions.AbstractRichFunction;
import dev.eddy.api.common.state.BroadcastState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReadOnlyBroadcastState;
import dev.eddy.util.OutputTag;

/**
 * The contexts shared by {@link BroadcastProcessFunction} and {@link KeyedBroadcastProcessFunction}:
 * the broadcast side may read and write broadcast state, the other side only read it, so that all
 * parallel instances keep the same broadcast state. Contexts are valid only during the call.
 */
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** What both sides may do. */
    public abstract class BaseContext {
        /** The record's (or timer's) timestamp, or null when it has none. */
        public abstract Long timestamp();

        /** Emits to a side output, with the current timestamp. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();
    }

    /** The broadcast side's context: read-write broadcast state. */
    public abstract class Context extends BaseContext {
        /**
         * The broadcast state of {@code stateDescriptor} (one of the descriptors passed to
         * {@code broadcast(...)}).
         */
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }

    /** The non-broadcast side's context: read-only broadcast state. */
    public abstract class ReadOnlyContext extends BaseContext {
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }
}

package dev.eddy.streaming.api.functions.co;

import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.runtime.state.KeyedStateFunction;
import dev.eddy.streaming.api.functions.TimeDomain;
import dev.eddy.streaming.api.functions.TimerService;
import dev.eddy.util.Collector;

/**
 * Processes a keyed stream connected with a broadcast stream: keyed state and timers on the keyed
 * side ({@link #processElement}, read-only broadcast state), read-write broadcast state on the
 * broadcast side ({@link #processBroadcastElement}, no current key). Task thread only.
 */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Called when a timer set on the keyed side fires; its key is the current key. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** The context of {@link #processBroadcastElement}. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {
        /**
         * Applies {@code function} to the state of {@code stateDescriptor} of every key of this
         * parallel instance that has such state (empty, cleared and TTL-expired state is skipped),
         * e.g. to reset per-key state when a broadcast rule changes. The function gets each key and
         * the state scoped to it, and may read, update or clear it. The order of keys is
         * unspecified. Only from {@link #processBroadcastElement}, on the task thread.
         */
        public abstract <VS, S extends State> void applyToKeyedState(StateDescriptor<S, VS> stateDescriptor,
                KeyedStateFunction<KS, S> function) throws Exception;
    }

    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {
        public abstract TimerService timerService();

        public abstract KS getCurrentKey();
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends ReadOnlyContext {
        public abstract TimeDomain timeDomain();
    }
}

package dev.eddy.streaming.api.functions.co;

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

    public abstract class Context extends BaseBroadcastProcessFunction.Context {}

    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {
        public abstract TimerService timerService();

        public abstract KS getCurrentKey();
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends ReadOnlyContext {
        public abstract TimeDomain timeDomain();
    }
}

package dev.eddy.streaming.api.functions.co;

import dev.eddy.api.common.functions.AbstractRichFunction;
import dev.eddy.streaming.api.functions.TimeDomain;
import dev.eddy.streaming.api.functions.TimerService;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;

/**
 * Processes two streams keyed by the same key type, with keyed state and per-key timers shared by
 * both inputs. Called on the task thread with the record's (or timer's) key as current key.
 */
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Called when a timer set through the timer service fires; its key is the current key. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** Valid only during the call it was passed to. */
    public abstract class Context {
        /** The record's (or firing timer's) timestamp, or null when it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        /** Emits to a side output, with the current timestamp. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract K getCurrentKey();
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();

        @Override
        public abstract K getCurrentKey();
    }
}

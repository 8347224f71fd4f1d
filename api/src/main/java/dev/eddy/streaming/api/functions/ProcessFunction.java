package dev.eddy.streaming.api.functions;

import dev.eddy.api.common.functions.AbstractRichFunction;
import dev.eddy.util.Collector;

/**
 * Low-level processing of a stream: each record, with its timestamp and the timer service.
 * Called on the task thread. On non-keyed streams timers cannot be set.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer fires (keyed streams only). */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** Valid only during the call it was passed to. */
    public abstract class Context {
        /** The record's timestamp (or the timer's), or null when it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        /**
         * Emits {@code value} to the side output {@code outputTag}, with the current record's (or
         * timer's) timestamp. Dropped if nobody called {@code getSideOutput} for the tag.
         */
        public abstract <X> void output(dev.eddy.util.OutputTag<X> outputTag, X value);
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}

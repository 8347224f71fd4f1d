package dev.eddy.streaming.api.windowing.triggers;

import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.streaming.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires the window every {@code interval} of event time (at multiples of the interval, as the
 * watermark passes them) and once more at the window's end. The next firing time is window state.
 */
public class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long interval;
    private final ReducingStateDescriptor<Long> fireTimeDescriptor = new ReducingStateDescriptor<>("fire-time", new Min(), Types.LONG);

    private ContinuousEventTimeTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("ContinuousEventTimeTrigger needs an interval > 0, got " + interval + " ms");
        }
        this.interval = interval;
    }

    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(interval.toMillis());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        if (fireTime.get() == null) {
            long start = timestamp - Math.floorMod(timestamp, interval);
            registerNextFireTime(start + interval, window, ctx, fireTime);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long next = fireTime.get();
        if (next != null && next == time) {
            fireTime.clear();
            registerNextFireTime(time + interval, window, ctx, fireTime);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long next = fireTime.get();
        if (next != null) {
            ctx.deleteEventTimeTimer(next);
            fireTime.clear();
        }
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(fireTimeDescriptor);
        Long next = ctx.getPartitionedState(fireTimeDescriptor).get();
        if (next != null) {
            ctx.registerEventTimeTimer(next);
        }
    }

    private static void registerNextFireTime(long time, Window window, TriggerContext ctx, ReducingState<Long> fireTime)
            throws Exception {
        long next = Math.min(time, window.maxTimestamp());
        fireTime.add(next);
        ctx.registerEventTimeTimer(next);
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + interval + ")";
    }

    private static final class Min implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return Math.min(a, b);
        }
    }
}

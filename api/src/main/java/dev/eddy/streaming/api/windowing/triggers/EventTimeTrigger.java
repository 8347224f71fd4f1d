package dev.eddy.streaming.api.windowing.triggers;

import dev.eddy.streaming.api.windowing.windows.Window;

/**
 * Fires once the watermark passes the window's max timestamp (the default trigger of event-time
 * assigners). An element arriving for a window the watermark already passed (allowed lateness)
 * fires the window again right away.
 */
public class EventTimeTrigger extends Trigger<Object, Window> {
    private static final long serialVersionUID = 1L;

    private EventTimeTrigger() {}

    @SuppressWarnings("unchecked")
    public static <W extends Window> Trigger<Object, W> create() {
        return (Trigger<Object, W>) (Trigger<Object, ?>) new EventTimeTrigger();
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
        return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(Window window, OnMergeContext ctx) {
        if (window.maxTimestamp() > ctx.getCurrentWatermark()) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
        return "EventTimeTrigger()";
    }
}

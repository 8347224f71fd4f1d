package dev.eddy.streaming.api.windowing.assigners;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.triggers.TriggerResult;
import dev.eddy.streaming.api.windowing.windows.GlobalWindow;
import java.util.Collection;
import java.util.List;

/**
 * Puts all elements of a key into the one {@link GlobalWindow}. With {@link #create()} the default
 * trigger never fires: set a trigger (e.g. {@code CountTrigger}) yourself; with
 * {@link #createWithEndOfStreamTrigger()} the window fires once, when the input ends (the final
 * watermark), which suits bounded jobs. The window is never cleaned up before the end.
 */
public class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;
    private final Trigger<Object, GlobalWindow> defaultTrigger;

    private GlobalWindows(Trigger<Object, GlobalWindow> defaultTrigger) {
        this.defaultTrigger = defaultTrigger;
    }

    public static GlobalWindows create() {
        return new GlobalWindows(new NeverTrigger());
    }

    /** A global window per key whose default trigger fires at the end of the input (see {@link EndOfStreamTrigger}). */
    public static GlobalWindows createWithEndOfStreamTrigger() {
        return new GlobalWindows(new EndOfStreamTrigger());
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return List.of(GlobalWindow.get());
    }

    @Override
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return defaultTrigger;
    }

    @Override
    public TypeSerializer<GlobalWindow> getWindowSerializer(dev.eddy.api.common.ExecutionConfig config) {
        return new GlobalWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return defaultTrigger instanceof EndOfStreamTrigger ? "GlobalWindows(end of stream)" : "GlobalWindows()";
    }

    /**
     * Fires the global window when the watermark reaches its end ({@code Long.MAX_VALUE}), i.e. when
     * every input has ended; registers that event-time timer on each element (a repeat costs nothing).
     */
    public static class EndOfStreamTrigger extends Trigger<Object, GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {
            ctx.deleteEventTimeTimer(window.maxTimestamp());
        }

        @Override
        public String toString() {
            return "EndOfStreamTrigger()";
        }
    }

    /** The default trigger of {@link GlobalWindows}: never fires. */
    public static class NeverTrigger extends Trigger<Object, GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {}

        @Override
        public boolean canMerge() {
            return true;
        }

        @Override
        public void onMerge(GlobalWindow window, OnMergeContext ctx) {}
    }
}

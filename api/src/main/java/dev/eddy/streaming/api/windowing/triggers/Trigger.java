package dev.eddy.streaming.api.windowing.triggers;

import dev.eddy.api.common.state.MergingState;
import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.streaming.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window is evaluated. The window operator calls it on the task thread for each
 * element added to a window and for each timer the trigger registered through its
 * {@link TriggerContext}; keyed state the trigger needs lives in the window's namespace
 * ({@link TriggerContext#getPartitionedState}) and must be released in {@link #clear}. A trigger
 * object is shared by all keys and windows of a subtask: keep no per-window data in fields.
 *
 * @param <T> element type
 * @param <W> window type
 */
public abstract class Trigger<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** An element was added to {@code window}. */
    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    /** A processing-time timer this trigger registered for {@code window} fired. */
    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    /** An event-time timer this trigger registered for {@code window} fired. */
    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** True if this trigger supports merging windows ({@link #onMerge}); required for session windows. */
    public boolean canMerge() {
        return false;
    }

    /**
     * Windows were merged into {@code window}: merge the trigger's state
     * ({@link OnMergeContext#mergePartitionedState}) and register the timers the merged window
     * needs. The merged windows' state and timers are cleared by the operator through {@link #clear}.
     */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows; use a trigger whose"
                + " canMerge() is true with merging (session) window assigners");
    }

    /** The window is removed: delete the timers registered for it and clear its state. */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /** What a trigger can do for the current key and window. Task thread only. */
    public interface TriggerContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();

        void registerProcessingTimeTimer(long time);

        void registerEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        /** Keyed state of the current key in the current window's namespace. */
        <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor);
    }

    /** The context of {@link #onMerge}. */
    public interface OnMergeContext extends TriggerContext {
        /** Merges the state named by {@code stateDescriptor} of the merged windows into the new window. */
        <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor);
    }
}

package dev.eddy.streaming.api.windowing.triggers;

import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.functions.windowing.delta.DeltaFunction;
import dev.eddy.streaming.api.windowing.windows.Window;

/**
 * Fires when an element is more than {@code threshold} away (by the {@link DeltaFunction}) from
 * the element at which it last fired; the first element of a window is that reference and does
 * not fire. The reference element is kept in window state ("last-element", written with the given
 * serializer) and cleared with the window. Ignores time. As Flink's {@code DeltaTrigger}.
 */
public class DeltaTrigger<T, W extends Window> extends Trigger<T, W> {
    private static final long serialVersionUID = 1L;
    private final DeltaFunction<T> deltaFunction;
    private final double threshold;
    private final ValueStateDescriptor<T> lastElementDescriptor;

    private DeltaTrigger(double threshold, DeltaFunction<T> deltaFunction, TypeSerializer<T> stateSerializer) {
        if (deltaFunction == null || stateSerializer == null) {
            throw new IllegalArgumentException("DeltaTrigger needs a delta function and a serializer for the reference element");
        }
        this.deltaFunction = deltaFunction;
        this.threshold = threshold;
        this.lastElementDescriptor = new ValueStateDescriptor<>("last-element", stateSerializer);
    }

    /**
     * @param threshold fire when the delta to the reference element exceeds this
     * @param deltaFunction the distance of two elements
     * @param stateSerializer serializes the reference element in window state
     */
    public static <T, W extends Window> DeltaTrigger<T, W> of(double threshold, DeltaFunction<T> deltaFunction,
            TypeSerializer<T> stateSerializer) {
        return new DeltaTrigger<>(threshold, deltaFunction, stateSerializer);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ValueState<T> last = ctx.getPartitionedState(lastElementDescriptor);
        T reference = last.value();
        if (reference == null) {
            last.update(element);
            return TriggerResult.CONTINUE;
        }
        if (deltaFunction.getDelta(reference, element) > threshold) {
            last.update(element);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ctx.getPartitionedState(lastElementDescriptor).clear();
    }

    @Override
    public String toString() {
        return "DeltaTrigger(" + deltaFunction + ", " + threshold + ")";
    }
}

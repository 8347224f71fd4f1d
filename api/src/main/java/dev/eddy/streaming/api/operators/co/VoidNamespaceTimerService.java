package dev.eddy.streaming.api.operators.co;

import dev.eddy.runtime.state.VoidNamespace;
import dev.eddy.streaming.api.functions.TimerService;
import dev.eddy.streaming.api.operators.InternalTimerService;

/**
 * The user-facing {@link TimerService} of a keyed process-style operator over an
 * {@link InternalTimerService} without namespaces: timers are per current key. Task thread only.
 */
public final class VoidNamespaceTimerService implements TimerService {
    private final InternalTimerService<VoidNamespace> timers;

    public VoidNamespaceTimerService(InternalTimerService<VoidNamespace> timers) {
        this.timers = timers;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
    }
}

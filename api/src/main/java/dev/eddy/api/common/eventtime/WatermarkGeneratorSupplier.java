package dev.eddy.api.common.eventtime;

import dev.eddy.util.clock.RelativeClock;
import dev.eddy.util.clock.SystemClock;
import java.io.Serializable;

/** Creates a {@link WatermarkGenerator} in each parallel instance that needs one. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What the runtime offers a generator when it is created (on the task thread). */
    interface Context {
        /**
         * The clock that measures how long an input has been without events, for idleness
         * detection. The runtime passes processing time; tests may pass a manual clock.
         */
        default RelativeClock getInputActivityClock() {
            return SystemClock.getInstance();
        }
    }
}

package dev.eddy.api.common.eventtime;

import java.io.Serializable;

/** Creates a {@link WatermarkGenerator} in each parallel instance that needs one. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What the runtime offers a generator when it is created (more to come with idleness support). */
    interface Context {}
}

package dev.eddy.streaming.api.functions.windowing.delta;

import java.io.Serializable;

/** The distance between two data points, for {@code DeltaEvictor} and {@code DeltaTrigger}. Must be stateless. */
@FunctionalInterface
public interface DeltaFunction<DATA> extends Serializable {
    double getDelta(DATA oldDataPoint, DATA newDataPoint);
}

package dev.eddy.streaming.api.functions.co;

import dev.eddy.api.common.functions.Function;

/**
 * Maps the records of two connected streams to one output type: {@link #map1} for the first input,
 * {@link #map2} for the second. Called on the task thread, one record at a time, never concurrently.
 */
public interface CoMapFunction<IN1, IN2, OUT> extends Function {
    OUT map1(IN1 value) throws Exception;

    OUT map2(IN2 value) throws Exception;
}

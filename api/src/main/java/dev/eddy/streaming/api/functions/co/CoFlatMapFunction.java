package dev.eddy.streaming.api.functions.co;

import dev.eddy.api.common.functions.Function;
import dev.eddy.util.Collector;

/**
 * Turns each record of two connected streams into zero or more output records. Called on the task
 * thread, one record at a time; the collector is valid only during the call.
 */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
    void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}

package dev.eddy.streaming.api.functions.windowing;

import dev.eddy.api.common.functions.Function;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;

/**
 * Evaluates a keyed window when it fires: gets the key, the window and its contents (or the
 * pre-aggregated value when combined with reduce/aggregate). Called on the task thread.
 */
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}

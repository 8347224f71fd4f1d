package dev.eddy.streaming.api.functions.windowing;

import dev.eddy.api.common.functions.Function;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;

/** Evaluates a non-keyed window ({@code windowAll}) when it fires. Called on the task thread. */
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}

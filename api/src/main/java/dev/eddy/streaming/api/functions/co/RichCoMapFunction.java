package dev.eddy.streaming.api.functions.co;

import dev.eddy.api.common.functions.AbstractRichFunction;

/** A {@link CoMapFunction} with open/close and a runtime context (keyed state after keyBy). */
public abstract class RichCoMapFunction<IN1, IN2, OUT> extends AbstractRichFunction implements CoMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}

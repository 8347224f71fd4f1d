package dev.eddy.streaming.api.functions.sink.legacy;

import dev.eddy.api.common.functions.AbstractRichFunction;

/** A sink function with open/close and a runtime context. */
public abstract class RichSinkFunction<IN> extends AbstractRichFunction implements SinkFunction<IN> {
    private static final long serialVersionUID = 1L;
}

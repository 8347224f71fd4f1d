package dev.eddy.streaming.api.functions.source.legacy;

import dev.eddy.api.common.functions.AbstractRichFunction;

/** A parallel source function with open/close and a runtime context. */
public abstract class RichParallelSourceFunction<T> extends AbstractRichFunction implements ParallelSourceFunction<T> {
    private static final long serialVersionUID = 1L;
}

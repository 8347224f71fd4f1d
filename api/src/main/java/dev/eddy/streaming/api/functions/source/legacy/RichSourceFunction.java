package dev.eddy.streaming.api.functions.source.legacy;

import dev.eddy.api.common.functions.AbstractRichFunction;

/** A non-parallel source function with open/close and a runtime context. */
public abstract class RichSourceFunction<T> extends AbstractRichFunction implements SourceFunction<T> {
    private static final long serialVersionUID = 1L;
}

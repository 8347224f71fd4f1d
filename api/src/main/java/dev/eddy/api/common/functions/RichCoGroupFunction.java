package dev.eddy.api.common.functions;

/** {@link CoGroupFunction} with open/close and a runtime context. Called on the task thread. */
public abstract class RichCoGroupFunction<IN1, IN2, OUT> extends AbstractRichFunction implements CoGroupFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}

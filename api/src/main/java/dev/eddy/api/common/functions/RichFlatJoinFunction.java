package dev.eddy.api.common.functions;

/** {@link FlatJoinFunction} with open/close and a runtime context. Called on the task thread. */
public abstract class RichFlatJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction implements FlatJoinFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}

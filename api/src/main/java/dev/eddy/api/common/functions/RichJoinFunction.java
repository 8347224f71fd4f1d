package dev.eddy.api.common.functions;

/** {@link JoinFunction} with open/close and a runtime context. Called on the task thread. */
public abstract class RichJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction implements JoinFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}

package dev.eddy.api.common.functions;

/** Combines one pair of joined records into one result. Called on the task thread. */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {
    OUT join(IN1 first, IN2 second) throws Exception;
}

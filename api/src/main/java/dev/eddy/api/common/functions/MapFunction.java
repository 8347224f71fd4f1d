package dev.eddy.api.common.functions;

/** Transforms each record into exactly one record. Called on the task thread, one record at a time. */
@FunctionalInterface
public interface MapFunction<T, O> extends Function {
    O map(T value) throws Exception;
}

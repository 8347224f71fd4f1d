package dev.eddy.api.common.functions;

/**
 * Combines two values of one type into one. {@code value1} is the accumulated value, {@code value2}
 * the new one. May return (and modify) either argument. Task thread only.
 */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
    T reduce(T value1, T value2) throws Exception;
}

package dev.eddy.api.common.functions;

/** Keeps the records for which {@link #filter} returns true. Task thread only. */
@FunctionalInterface
public interface FilterFunction<T> extends Function {
    boolean filter(T value) throws Exception;
}

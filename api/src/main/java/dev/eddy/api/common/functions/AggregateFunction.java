package dev.eddy.api.common.functions;

/**
 * Incremental aggregation through a mutable or immutable accumulator: {@link #createAccumulator()}
 * starts an aggregate, {@link #add} folds one input in, {@link #getResult} reads the result, and
 * {@link #merge} combines two partial aggregates. Each method may return (and modify) the accumulator
 * it was given. Task thread only.
 *
 * @param <IN> the type of the values aggregated
 * @param <ACC> the accumulator type (the intermediate state)
 * @param <OUT> the result type
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    ACC merge(ACC a, ACC b);
}

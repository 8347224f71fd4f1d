package dev.eddy.streaming.api.datastream;

import dev.eddy.api.dag.SourceTransformation;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The stream a source produces. Non-parallel sources (legacy {@code SourceFunction}s that are not
 * {@code ParallelSourceFunction}s, collection sources) run with parallelism 1 and refuse more.
 */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
    static final String SOURCE_PREFIX = "Source: ";
    private final boolean isParallel;

    public DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> transformation, boolean isParallel) {
        super(environment, transformation);
        this.isParallel = isParallel;
        if (!isParallel) {
            transformation.setParallelism(1);
        }
    }

    public boolean isParallel() {
        return isParallel;
    }

    @Override
    public DataStreamSource<T> setParallelism(int parallelism) {
        if (!isParallel && parallelism != 1) {
            throw new IllegalArgumentException("The parallelism of non parallel operator '" + getName()
                    + "' must be 1, was " + parallelism + ": implement ParallelSourceFunction to run a source in parallel");
        }
        super.setParallelism(parallelism);
        return this;
    }

    /** Names the source; the operator shows as {@code "Source: <name>"} like in Flink. */
    @Override
    public DataStreamSource<T> name(String name) {
        super.name(name.startsWith(SOURCE_PREFIX) ? name : SOURCE_PREFIX + name);
        return this;
    }
}

package dev.eddy.streaming.api.datastream;

import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.dag.Transformation;
import dev.eddy.streaming.api.operators.ChainingStrategy;
import java.util.Objects;

/** The end of a stream: a sink whose name, parallelism and chaining can be changed. */
public class DataStreamSink<T> {
    static final String SINK_PREFIX = "Sink: ";
    private final OneInputTransformation<T, ?> transformation;

    DataStreamSink(OneInputTransformation<T, ?> transformation) {
        this.transformation = transformation;
    }

    public Transformation<?> getTransformation() {
        return transformation;
    }

    public String getName() {
        return transformation.getName();
    }

    /** Names the sink; the operator shows as {@code "Sink: <name>"} like in Flink. */
    public DataStreamSink<T> name(String name) {
        Objects.requireNonNull(name, "name");
        transformation.setName(name.startsWith(SINK_PREFIX) ? name : SINK_PREFIX + name);
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(Objects.requireNonNull(uid, "uid"));
        return this;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism of '" + getName() + "' must be at least 1, was " + parallelism);
        }
        transformation.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    public DataStreamSink<T> disableChaining() {
        transformation.setChainingStrategy(ChainingStrategy.NEVER);
        return this;
    }

    public DataStreamSink<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(Objects.requireNonNull(slotSharingGroup, "slot sharing group"));
        return this;
    }
}

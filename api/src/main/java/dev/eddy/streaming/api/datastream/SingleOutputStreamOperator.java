package dev.eddy.streaming.api.datastream;

import dev.eddy.api.common.typeinfo.TypeHint;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.dag.Transformation;
import dev.eddy.api.java.typeutils.TypeExtractor;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.operators.ChainingStrategy;
import java.util.Objects;
import dev.eddy.api.dag.SideOutputTransformation;
import dev.eddy.util.OutputTag;

/** A stream produced by one operator, whose settings (name, parallelism, type, chaining) can be changed. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    private final java.util.Map<String, TypeInformation<?>> requestedSideOutputs = new java.util.HashMap<>();

    protected SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    public String getName() {
        return transformation.getName();
    }

    public SingleOutputStreamOperator<T> name(String name) {
        transformation.setName(Objects.requireNonNull(name, "name"));
        return this;
    }

    /** A stable id for matching state when the job is restored from a savepoint. */
    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(Objects.requireNonNull(uid, "uid"));
        return this;
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism of '" + getName() + "' must be at least 1, was " + parallelism);
        }
        int max = transformation.getMaxParallelism();
        if (max > 0 && parallelism > max) {
            throw new IllegalArgumentException("The parallelism " + parallelism + " of '" + getName()
                    + "' is above its max parallelism " + max);
        }
        transformation.setParallelism(parallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("The max parallelism of '" + getName() + "' must be in [1, "
                    + KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM + "], was " + maxParallelism);
        }
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    /** Declares the output type when it cannot be extracted (lambdas with generic results). */
    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        return returns(TypeExtractor.getForClass(Objects.requireNonNull(typeClass, "type class")));
    }

    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        return returns(Objects.requireNonNull(typeHint, "type hint").getTypeInfo());
    }

    public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
        transformation.setOutputType(Objects.requireNonNull(typeInfo, "type information"));
        return this;
    }

    /** Never chains this operator with its predecessor or successors. */
    public SingleOutputStreamOperator<T> disableChaining() {
        transformation.setChainingStrategy(ChainingStrategy.NEVER);
        return this;
    }

    /** Starts a new chain at this operator; successors may still chain to it. */
    public SingleOutputStreamOperator<T> startNewChain() {
        transformation.setChainingStrategy(ChainingStrategy.HEAD);
        return this;
    }

    public SingleOutputStreamOperator<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(Objects.requireNonNull(slotSharingGroup, "slot sharing group"));
        return this;
    }

    /** Buffer timeout of this operator's output in ms: 0 flushes every record, -1 only full buffers. */
    public SingleOutputStreamOperator<T> setBufferTimeout(long timeoutMillis) {
        if (timeoutMillis < -1) {
            throw new IllegalArgumentException("Buffer timeout must be -1, 0 or positive, was " + timeoutMillis);
        }
        transformation.setBufferTimeout(timeoutMillis);
        return this;
    }

    /**
     * The records this operator emitted to the side output {@code sideOutputTag} (from a process
     * function's {@code ctx.output(tag, value)}), as a stream of the tag's type. May be called
     * several times; each call gives a stream over the same records.
     *
     * @throws IllegalArgumentException if a tag with the same id but another type was requested before
     */
    public <X> DataStream<X> getSideOutput(OutputTag<X> sideOutputTag) {
        Objects.requireNonNull(sideOutputTag, "side output tag");
        TypeInformation<?> previous = requestedSideOutputs.putIfAbsent(sideOutputTag.getId(), sideOutputTag.getTypeInfo());
        if (previous != null && !previous.equals(sideOutputTag.getTypeInfo())) {
            throw new IllegalArgumentException("The side output '" + sideOutputTag.getId() + "' of '" + getName()
                    + "' was already requested with type " + previous + "; it cannot also have type "
                    + sideOutputTag.getTypeInfo() + ". Use another tag id for the other type.");
        }
        return new DataStream<>(environment, new SideOutputTransformation<>(transformation, sideOutputTag));
    }
}

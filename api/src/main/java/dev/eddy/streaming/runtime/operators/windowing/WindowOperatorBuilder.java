package dev.eddy.streaming.runtime.operators.windowing;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.functions.RichFunction;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.windowing.assigners.MergingWindowAssigner;
import dev.eddy.streaming.api.windowing.assigners.WindowAssigner;
import dev.eddy.streaming.api.windowing.evictors.Evictor;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalAggregatingIterableFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalSingleValueWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.ReduceAggregateFunction;
import dev.eddy.util.OutputTag;
import java.time.Duration;
import java.util.Objects;

/**
 * Collects the settings of a windowed stream (assigner, trigger, evictor, lateness, late-data
 * tag) and builds the matching {@link WindowOperator} or {@link EvictingWindowOperator} for a
 * window function. Used by the DataStream API on the user's main thread; not thread-safe.
 */
public final class WindowOperatorBuilder<T, K, W extends Window> {
    private static final String CONTENTS = "window-contents";
    private final WindowAssigner<? super T, W> windowAssigner;
    private final TypeInformation<T> inputType;
    private final SerializerConfig serializerConfig;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateDataOutputTag;

    public WindowOperatorBuilder(WindowAssigner<? super T, W> windowAssigner, TypeInformation<T> inputType, SerializerConfig serializerConfig) {
        this.windowAssigner = Objects.requireNonNull(windowAssigner, "window assigner");
        this.inputType = Objects.requireNonNull(inputType, "input type");
        this.serializerConfig = serializerConfig;
        this.trigger = windowAssigner.getDefaultTrigger();
    }

    public void trigger(Trigger<? super T, ? super W> trigger) {
        Objects.requireNonNull(trigger, "trigger");
        if (windowAssigner instanceof MergingWindowAssigner<?, ?> && !trigger.canMerge()) {
            throw new UnsupportedOperationException("The merging window assigner " + windowAssigner + " cannot be used with the trigger "
                    + trigger + ", which does not support merging (canMerge() is false)");
        }
        this.trigger = trigger;
    }

    public void evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = Objects.requireNonNull(evictor, "evictor");
    }

    public void allowedLateness(Duration lateness) {
        long millis = Objects.requireNonNull(lateness, "allowed lateness").toMillis();
        if (millis < 0) {
            throw new IllegalArgumentException("Allowed lateness must be >= 0, got " + lateness);
        }
        this.allowedLateness = millis;
    }

    public void sideOutputLateData(OutputTag<T> outputTag) {
        this.lateDataOutputTag = Objects.requireNonNull(outputTag, "late data output tag");
    }

    public WindowAssigner<? super T, W> getWindowAssigner() {
        return windowAssigner;
    }

    public Trigger<? super T, ? super W> getTrigger() {
        return trigger;
    }

    public Evictor<? super T, ? super W> getEvictor() {
        return evictor;
    }

    /** Incremental reduce (or, with an evictor, reduce over the remaining elements on firing), then {@code function}. */
    public <R> OneInputStreamOperator<T, R> reduce(ReduceFunction<T> reduceFunction, InternalWindowFunction<Iterable<T>, R, K, W> function) {
        Objects.requireNonNull(reduceFunction, "reduce function");
        if (reduceFunction instanceof RichFunction) {
            throw new UnsupportedOperationException("The ReduceFunction of a window cannot be a RichFunction (" + reduceFunction.getClass()
                    .getName() + "); use a ProcessWindowFunction together with reduce(...) for access to the runtime context");
        }
        if (evictor != null) {
            return evicting(new InternalAggregatingIterableFunction<>(new ReduceAggregateFunction<>(reduceFunction), function));
        }
        ReducingStateDescriptor<T> contents = new ReducingStateDescriptor<>(CONTENTS, reduceFunction, inputType);
        return new WindowOperator<>(windowAssigner, windowSerializer(), contents, new InternalSingleValueWindowFunction<>(function), trigger,
                allowedLateness, lateDataOutputTag);
    }

    /** Incremental aggregation (or, with an evictor, aggregation of the remaining elements on firing), then {@code function}. */
    public <ACC, V, R> OneInputStreamOperator<T, R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction, TypeInformation<ACC> accumulatorType,
            InternalWindowFunction<Iterable<V>, R, K, W> function) {
        Objects.requireNonNull(aggregateFunction, "aggregate function");
        if (aggregateFunction instanceof RichFunction) {
            throw new UnsupportedOperationException("The AggregateFunction of a window cannot be a RichFunction ("
                    + aggregateFunction.getClass().getName() + ")");
        }
        if (evictor != null) {
            return evicting(new InternalAggregatingIterableFunction<>(aggregateFunction, function));
        }
        AggregatingStateDescriptor<T, ACC, V> contents = new AggregatingStateDescriptor<>(CONTENTS, aggregateFunction, accumulatorType);
        return new WindowOperator<>(windowAssigner, windowSerializer(), contents, new InternalSingleValueWindowFunction<>(function), trigger,
                allowedLateness, lateDataOutputTag);
    }

    /** Keeps all elements; {@code function} sees them on firing. */
    public <R> OneInputStreamOperator<T, R> process(InternalWindowFunction<Iterable<T>, R, K, W> function) {
        if (evictor != null) {
            return evicting(function);
        }
        ListStateDescriptor<T> contents = new ListStateDescriptor<>(CONTENTS, inputType);
        return new WindowOperator<>(windowAssigner, windowSerializer(), contents, function, trigger, allowedLateness, lateDataOutputTag);
    }

    private <R> OneInputStreamOperator<T, R> evicting(InternalWindowFunction<Iterable<T>, R, K, W> function) {
        ListStateDescriptor<dev.eddy.streaming.runtime.streamrecord.StreamRecord<T>> contents =
                new ListStateDescriptor<>(CONTENTS, new StreamRecordTypeInfo<>(inputType));
        return new EvictingWindowOperator<>(windowAssigner, windowSerializer(), contents, function, trigger, evictor, allowedLateness,
                lateDataOutputTag);
    }

    private TypeSerializer<W> windowSerializer() {
        return windowAssigner.getWindowSerializer(new dev.eddy.api.common.ExecutionConfig(new dev.eddy.configuration.Configuration()));
    }

    /** An operator name like Flink's: {@code Window(assigner, trigger[, evictor], function)}. */
    public String describe(String functionName) {
        return (evictor == null ? "Window(" : "EvictingWindow(") + windowAssigner + ", " + trigger.getClass().getSimpleName()
                + (evictor == null ? "" : ", " + evictor.getClass().getSimpleName()) + ", " + functionName + ")";
    }
}

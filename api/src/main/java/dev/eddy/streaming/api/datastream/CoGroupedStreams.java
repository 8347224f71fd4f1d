package dev.eddy.streaming.api.datastream;

import dev.eddy.api.common.functions.AbstractRichFunction;
import dev.eddy.api.common.functions.CoGroupFunction;
import dev.eddy.api.common.functions.Function;
import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.functions.RichFunction;
import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.api.java.typeutils.TypeExtractor;
import dev.eddy.streaming.api.functions.windowing.WindowFunction;
import dev.eddy.streaming.api.windowing.assigners.WindowAssigner;
import dev.eddy.streaming.api.windowing.evictors.Evictor;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A window coGroup of two streams: {@code a.coGroup(b).where(k1).equalTo(k2).window(assigner).apply(f)}
 * calls {@code f} once per key and window with the records of both inputs in it. Built as: both
 * inputs mapped to a {@link TaggedUnion}, unioned, keyed by their key, windowed and split again
 * in the window function. Built on the user's main thread; not thread-safe.
 */
public class CoGroupedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = Objects.requireNonNull(input1, "first input");
        this.input2 = Objects.requireNonNull(input2, "second input");
    }

    /** The key of the first input. */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        Objects.requireNonNull(keySelector, "key selector");
        TypeInformation<KEY> keyType;
        try {
            keyType = TypeExtractor.getOutputType(keySelector, KeySelector.class, 1, input1.getType());
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException("Could not determine the key type of where(" + keySelector.getClass().getName()
                    + "): " + e.getMessage() + " Use where(keySelector, TypeInformation) to give it explicitly.", e);
        }
        return new Where<>(keySelector, keyType);
    }

    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, TypeInformation<KEY> keyType) {
        return new Where<>(Objects.requireNonNull(keySelector, "key selector"), Objects.requireNonNull(keyType, "key type"));
    }

    /** The first input's key is set; the second's comes next. */
    public class Where<KEY> {
        private final KeySelector<T1, KEY> keySelector1;
        private final TypeInformation<KEY> keyType;

        Where(KeySelector<T1, KEY> keySelector1, TypeInformation<KEY> keyType) {
            this.keySelector1 = keySelector1;
            this.keyType = keyType;
        }

        /** The key of the second input; it must have the type of the first input's key. */
        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            Objects.requireNonNull(keySelector, "key selector");
            try {
                TypeInformation<KEY> other = TypeExtractor.getOutputType(keySelector, KeySelector.class, 1, input2.getType());
                if (!other.equals(keyType)) {
                    throw new IllegalArgumentException("The keys of both inputs must have the same type, but where() gives "
                            + keyType + " and equalTo() gives " + other);
                }
            } catch (InvalidTypesException e) {
                // Not extractable (e.g. a generic lambda): trust the first input's key type.
            }
            return new EqualTo(keySelector);
        }

        public EqualTo equalTo(KeySelector<T2, KEY> keySelector, TypeInformation<KEY> keyType) {
            if (!keyType.equals(this.keyType)) {
                throw new IllegalArgumentException("The keys of both inputs must have the same type, but where() gives "
                        + this.keyType + " and equalTo() gives " + keyType);
            }
            return new EqualTo(Objects.requireNonNull(keySelector, "key selector"));
        }

        /** Both keys are set; a window assigner comes next. */
        public class EqualTo {
            private final KeySelector<T2, KEY> keySelector2;

            EqualTo(KeySelector<T2, KEY> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            public <W extends Window> WithWindow<T1, T2, KEY, W> window(WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(input1, input2, keySelector1, keySelector2, keyType, Objects.requireNonNull(assigner, "assigner"));
            }
        }
    }

    /** A windowed coGroup, ready for {@code apply}. */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final DataStream<T1> input1;
        private final DataStream<T2> input2;
        private final KeySelector<T1, KEY> keySelector1;
        private final KeySelector<T2, KEY> keySelector2;
        private final TypeInformation<KEY> keyType;
        private final WindowAssigner<? super TaggedUnion<T1, T2>, W> windowAssigner;
        private Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger;
        private Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor;
        private Duration allowedLateness;

        WithWindow(DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, KEY> keySelector1, KeySelector<T2, KEY> keySelector2,
                TypeInformation<KEY> keyType, WindowAssigner<? super TaggedUnion<T1, T2>, W> windowAssigner) {
            this.input1 = input1;
            this.input2 = input2;
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
            this.keyType = keyType;
            this.windowAssigner = windowAssigner;
        }

        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> newTrigger) {
            this.trigger = Objects.requireNonNull(newTrigger, "trigger");
            return this;
        }

        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> newEvictor) {
            this.evictor = Objects.requireNonNull(newEvictor, "evictor");
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration newLateness) {
            this.allowedLateness = Objects.requireNonNull(newLateness, "allowed lateness");
            return this;
        }

        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
            TypeInformation<T> resultType;
            try {
                resultType = TypeExtractor.getOutputType(function, CoGroupFunction.class, 2, input1.getType(), input2.getType());
            } catch (InvalidTypesException e) {
                throw new InvalidTypesException("Could not determine the result type of the coGroup function "
                        + function.getClass().getName() + ": " + e.getMessage() + " Use apply(function, TypeInformation).", e);
            }
            return apply(function, resultType);
        }

        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            return build(new CoGroupWindowFunction<>(Objects.requireNonNull(function, "coGroup function")), resultType, "CoGroup");
        }

        /** Tag, union, key, window, then split the window's records back into both inputs. */
        <T> SingleOutputStreamOperator<T> build(WindowFunction<TaggedUnion<T1, T2>, T, KEY, W> windowFunction,
                TypeInformation<T> resultType, String name) {
            TaggedUnion.UnionTypeInfo<T1, T2> unionType = new TaggedUnion.UnionTypeInfo<>(input1.getType(), input2.getType());
            DataStream<TaggedUnion<T1, T2>> tagged1 = withInputParallelism(
                    input1.map(new TagOne<T1, T2>(), unionType).name("Map (tag input 1)"), input1);
            DataStream<TaggedUnion<T1, T2>> tagged2 = withInputParallelism(
                    input2.map(new TagTwo<T1, T2>(), unionType).name("Map (tag input 2)"), input2);
            KeyedStream<TaggedUnion<T1, T2>, KEY> keyed = tagged1.union(tagged2)
                    .keyBy(new UnionKeySelector<>(keySelector1, keySelector2), keyType);
            WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed = keyed.window(windowAssigner);
            if (trigger != null) {
                windowed.trigger(trigger);
            }
            if (evictor != null) {
                windowed.evictor(evictor);
            }
            if (allowedLateness != null) {
                windowed.allowedLateness(allowedLateness);
            }
            return windowed.apply(windowFunction, resultType).name(name);
        }

        private static <X> DataStream<X> withInputParallelism(SingleOutputStreamOperator<X> tagger, DataStream<?> input) {
            if (input.getTransformation().isParallelismConfigured() && input.getParallelism() > 0) {
                tagger.setParallelism(input.getParallelism());
            }
            return tagger;
        }
    }

    static final class TagOne<T1, T2> implements dev.eddy.api.common.functions.MapFunction<T1, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T1 value) {
            return TaggedUnion.one(value);
        }
    }

    static final class TagTwo<T1, T2> implements dev.eddy.api.common.functions.MapFunction<T2, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T2 value) {
            return TaggedUnion.two(value);
        }
    }

    /** The key of a tagged record: the first or the second input's key selector. */
    static final class UnionKeySelector<T1, T2, KEY> implements KeySelector<TaggedUnion<T1, T2>, KEY> {
        private static final long serialVersionUID = 1L;
        private final KeySelector<T1, KEY> keySelector1;
        private final KeySelector<T2, KEY> keySelector2;

        UnionKeySelector(KeySelector<T1, KEY> keySelector1, KeySelector<T2, KEY> keySelector2) {
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
        }

        @Override
        public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
            return value.isOne() ? keySelector1.getKey(value.getOne()) : keySelector2.getKey(value.getTwo());
        }
    }

    /**
     * Splits a window's tagged records into both inputs' records and calls the coGroup function.
     * Forwards the rich-function lifecycle (runtime context, open, close) to the wrapped function.
     */
    static class CoGroupWindowFunction<T1, T2, T, KEY, W extends Window> extends AbstractRichFunction
            implements WindowFunction<TaggedUnion<T1, T2>, T, KEY, W> {
        private static final long serialVersionUID = 1L;
        private final CoGroupFunction<T1, T2, T> function;

        CoGroupWindowFunction(CoGroupFunction<T1, T2, T> function) {
            this.function = function;
        }

        Function wrapped() {
            return function;
        }

        @Override
        public void setRuntimeContext(RuntimeContext runtimeContext) {
            super.setRuntimeContext(runtimeContext);
            if (wrapped() instanceof RichFunction rich) {
                rich.setRuntimeContext(runtimeContext);
            }
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            if (wrapped() instanceof RichFunction rich) {
                rich.open(openContext);
            }
        }

        @Override
        public void close() throws Exception {
            if (wrapped() instanceof RichFunction rich) {
                rich.close();
            }
        }

        @Override
        public void apply(KEY key, W window, Iterable<TaggedUnion<T1, T2>> values, Collector<T> out) throws Exception {
            List<T1> ones = new ArrayList<>();
            List<T2> twos = new ArrayList<>();
            for (TaggedUnion<T1, T2> v : values) {
                if (v.isOne()) {
                    ones.add(v.getOne());
                } else {
                    twos.add(v.getTwo());
                }
            }
            function.coGroup(ones, twos, out);
        }
    }
}

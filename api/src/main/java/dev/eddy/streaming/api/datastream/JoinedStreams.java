package dev.eddy.streaming.api.datastream;

import dev.eddy.api.common.functions.AbstractRichFunction;
import dev.eddy.api.common.functions.CoGroupFunction;
import dev.eddy.api.common.functions.FlatJoinFunction;
import dev.eddy.api.common.functions.Function;
import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.functions.JoinFunction;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.api.java.typeutils.TypeExtractor;
import dev.eddy.streaming.api.windowing.assigners.WindowAssigner;
import dev.eddy.streaming.api.windowing.evictors.Evictor;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;
import java.time.Duration;
import java.util.Objects;

/**
 * A window inner join of two streams: {@code a.join(b).where(k1).equalTo(k2).window(assigner).apply(f)}
 * calls {@code f} for every pair of records with equal keys in the same window (in arrival order
 * of the first input, then of the second). A window coGroup underneath. Built on the user's main
 * thread; not thread-safe.
 */
public class JoinedStreams<T1, T2> {
    private final CoGroupedStreams<T1, T2> coGroup;
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = input1;
        this.input2 = input2;
        this.coGroup = new CoGroupedStreams<>(input1, input2);
    }

    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        return new Where<>(coGroup.where(keySelector));
    }

    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, TypeInformation<KEY> keyType) {
        return new Where<>(coGroup.where(keySelector, keyType));
    }

    /** The first input's key is set; the second's comes next. */
    public class Where<KEY> {
        private final CoGroupedStreams<T1, T2>.Where<KEY> where;

        Where(CoGroupedStreams<T1, T2>.Where<KEY> where) {
            this.where = where;
        }

        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            return new EqualTo(where.equalTo(keySelector));
        }

        public EqualTo equalTo(KeySelector<T2, KEY> keySelector, TypeInformation<KEY> keyType) {
            return new EqualTo(where.equalTo(keySelector, keyType));
        }

        /** Both keys are set; a window assigner comes next. */
        public class EqualTo {
            private final CoGroupedStreams<T1, T2>.Where<KEY>.EqualTo equalTo;

            EqualTo(CoGroupedStreams<T1, T2>.Where<KEY>.EqualTo equalTo) {
                this.equalTo = equalTo;
            }

            public <W extends Window> WithWindow<T1, T2, KEY, W> window(WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(equalTo.window(assigner), input1, input2);
            }
        }
    }

    /** A windowed join, ready for {@code apply}. */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;
        private final DataStream<T1> input1;
        private final DataStream<T2> input2;

        WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup, DataStream<T1> input1, DataStream<T2> input2) {
            this.coGroup = coGroup;
            this.input1 = input1;
            this.input2 = input2;
        }

        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> newTrigger) {
            coGroup.trigger(newTrigger);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> newEvictor) {
            coGroup.evictor(newEvictor);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration newLateness) {
            coGroup.allowedLateness(newLateness);
            return this;
        }

        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
            return apply(function, resultType(function, JoinFunction.class));
        }

        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            return build(new JoinCoGroup<>(Objects.requireNonNull(function, "join function"), null), resultType);
        }

        public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function) {
            return apply(function, resultType(function, FlatJoinFunction.class));
        }

        public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            return build(new JoinCoGroup<>(null, Objects.requireNonNull(function, "join function")), resultType);
        }

        private <T> TypeInformation<T> resultType(Function function, Class<?> functionInterface) {
            try {
                return TypeExtractor.getOutputType(function, functionInterface, 2, input1.getType(), input2.getType());
            } catch (InvalidTypesException e) {
                throw new InvalidTypesException("Could not determine the result type of the join function "
                        + function.getClass().getName() + ": " + e.getMessage() + " Use apply(function, TypeInformation).", e);
            }
        }

        private <T> SingleOutputStreamOperator<T> build(JoinCoGroup<T1, T2, T> join, TypeInformation<T> resultType) {
            return coGroup.build(new JoinWindowFunction<>(join), resultType, "Window Join");
        }
    }

    /** The cross product of a window's two groups, through a join or flat-join function. */
    static final class JoinCoGroup<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;
        private final JoinFunction<T1, T2, T> join;
        private final FlatJoinFunction<T1, T2, T> flatJoin;

        JoinCoGroup(JoinFunction<T1, T2, T> join, FlatJoinFunction<T1, T2, T> flatJoin) {
            this.join = join;
            this.flatJoin = flatJoin;
        }

        Function userFunction() {
            return join != null ? join : flatJoin;
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 a : first) {
                for (T2 b : second) {
                    if (join != null) {
                        out.collect(join.join(a, b));
                    } else {
                        flatJoin.join(a, b, out);
                    }
                }
            }
        }
    }

    /** The coGroup window function whose rich lifecycle goes to the user's join function. */
    static final class JoinWindowFunction<T1, T2, T, KEY, W extends Window> extends CoGroupedStreams.CoGroupWindowFunction<T1, T2, T, KEY, W> {
        private static final long serialVersionUID = 1L;
        private final JoinCoGroup<T1, T2, T> join;

        JoinWindowFunction(JoinCoGroup<T1, T2, T> join) {
            super(join);
            this.join = join;
        }

        @Override
        Function wrapped() {
            return join.userFunction();
        }
    }
}

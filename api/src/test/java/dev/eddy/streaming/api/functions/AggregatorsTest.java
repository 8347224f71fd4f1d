package dev.eddy.streaming.api.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.streaming.api.functions.aggregation.AggregationFunction;
import dev.eddy.streaming.api.functions.aggregation.AggregationFunction.AggregationType;
import dev.eddy.streaming.api.functions.aggregation.ComparableAggregator;
import dev.eddy.streaming.api.functions.aggregation.SumAggregator;
import dev.eddy.streaming.api.operators.StreamGroupedReduceOperator;
import dev.eddy.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import dev.eddy.streaming.util.TestTypes;
import dev.eddy.streaming.util.typeutils.FieldAccessor;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Flink's rolling aggregation semantics, through the keyed reduce operator. */
class AggregatorsTest {

    /** A mutable (key, value, tag) record like a Tuple3. */
    static final class Rec implements Serializable {
        private static final long serialVersionUID = 1L;
        String key;
        int value;
        String tag;

        Rec(String key, int value, String tag) {
            this.key = key;
            this.value = value;
            this.tag = tag;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Rec && ((Rec) o).key.equals(key) && ((Rec) o).value == value && ((Rec) o).tag.equals(tag);
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, value, tag);
        }

        @Override
        public String toString() {
            return "(" + key + "," + value + "," + tag + ")";
        }
    }

    /** Accessor of Rec.value, mutating in place like a tuple accessor. */
    static final class ValueAccessor extends FieldAccessor<Rec, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public TypeInformation<Integer> getFieldType() {
            return TestTypes.INT;
        }

        @Override
        public Integer get(Rec record) {
            return record.value;
        }

        @Override
        public Rec set(Rec record, Integer fieldValue) {
            record.value = fieldValue;
            return record;
        }
    }

    private static List<Rec> run(AggregationFunction<Rec> agg, Rec... input) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Rec, Rec> h = new KeyedOneInputStreamOperatorTestHarness<>(
                new StreamGroupedReduceOperator<>(agg, TestTypes.of(Rec.class).createSerializer(null)), r -> r.key);
        h.open();
        for (Rec r : input) {
            h.processElement(r);
        }
        return h.extractOutputValues();
    }

    private static final Rec[] INPUT = {
        new Rec("a", 3, "first"), new Rec("b", 10, "b1"), new Rec("a", 1, "second"),
        new Rec("a", 5, "third"), new Rec("a", 1, "fourth"),
    };

    private static AggregationFunction<Rec> cmp(AggregationType type, boolean first) {
        return new ComparableAggregator<>(new ValueAccessor(), TestTypes.of(Rec.class).createSerializer(null), type, first);
    }

    @Test
    void sumKeepsTheOtherFieldsOfTheFirstRecord() throws Exception {
        assertThat(run(new SumAggregator<>(new ValueAccessor(), TestTypes.of(Rec.class).createSerializer(null)), INPUT))
                .containsExactly(new Rec("a", 3, "first"), new Rec("b", 10, "b1"), new Rec("a", 4, "first"),
                        new Rec("a", 9, "first"), new Rec("a", 10, "first"));
    }

    @Test
    void minAndMaxUpdateOnlyTheField() throws Exception {
        assertThat(run(cmp(AggregationType.MIN, true), INPUT)).containsExactly(new Rec("a", 3, "first"),
                new Rec("b", 10, "b1"), new Rec("a", 1, "first"), new Rec("a", 1, "first"), new Rec("a", 1, "first"));
        assertThat(run(cmp(AggregationType.MAX, true), INPUT)).containsExactly(new Rec("a", 3, "first"),
                new Rec("b", 10, "b1"), new Rec("a", 3, "first"), new Rec("a", 5, "first"), new Rec("a", 5, "first"));
    }

    @Test
    void minByAndMaxByReturnWholeRecordsAndBreakTiesByTheFirstFlag() throws Exception {
        assertThat(run(cmp(AggregationType.MINBY, true), INPUT)).containsExactly(new Rec("a", 3, "first"),
                new Rec("b", 10, "b1"), new Rec("a", 1, "second"), new Rec("a", 1, "second"), new Rec("a", 1, "second"));
        assertThat(run(cmp(AggregationType.MINBY, false), INPUT)).last().isEqualTo(new Rec("a", 1, "fourth"));
        assertThat(run(cmp(AggregationType.MAXBY, true), INPUT)).containsExactly(new Rec("a", 3, "first"),
                new Rec("b", 10, "b1"), new Rec("a", 3, "first"), new Rec("a", 5, "third"), new Rec("a", 5, "third"));
    }

    @Test
    void sumRejectsNonNumericFields() {
        FieldAccessor<Rec, String> tag = new FieldAccessor<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public TypeInformation<String> getFieldType() {
                return TestTypes.STRING;
            }

            @Override
            public String get(Rec record) {
                return record.tag;
            }

            @Override
            public Rec set(Rec record, String fieldValue) {
                record.tag = fieldValue;
                return record;
            }
        };
        assertThatThrownBy(() -> new SumAggregator<>(tag, TestTypes.of(Rec.class).createSerializer(null)))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("Cannot sum");
    }
}

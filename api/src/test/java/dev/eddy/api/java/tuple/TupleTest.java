package dev.eddy.api.java.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TupleTest {
    @Test
    void toStringMatchesFlink() {
        assertThat(Tuple2.of("a", 1).toString()).isEqualTo("(a,1)");
        assertThat(Tuple0.INSTANCE.toString()).isEqualTo("()");
        assertThat(Tuple1.of("x").toString()).isEqualTo("(x)");
        assertThat(Tuple3.of("hello", 3L, 2.5).toString()).isEqualTo("(hello,3,2.5)");
        assertThat(new Tuple2<String, Integer>().toString()).isEqualTo("(null,null)");
        assertThat(Tuple2.of(new int[] {1, 2}, new String[] {"a", "b"}).toString()).isEqualTo("([1, 2],[a, b])");
        assertThat(Tuple2.of(new int[][] {{1}, {2, 3}}, Tuple2.of("n", true)).toString()).isEqualTo("([[1], [2, 3]],(n,true))");
        assertThat(Tuple2.of(new byte[] {1}, new char[] {'c'}).toString()).isEqualTo("([1],[c])");
    }

    @Test
    void fieldAccessEqualityAndCopy() {
        Tuple3<String, Integer, Long> t = new Tuple3<>("a", 1, 2L);
        assertThat(t.getArity()).isEqualTo(3);
        assertThat((String) t.getField(0)).isEqualTo("a");
        t.setField(5, 1);
        assertThat(t.f1).isEqualTo(5);
        assertThatThrownBy(() -> t.getField(3)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("Tuple3");
        Tuple3<String, Integer, Long> copy = t.copy();
        assertThat(copy).isEqualTo(t).isNotSameAs(t);
        assertThat(copy.hashCode()).isEqualTo(t.hashCode());
        copy.f0 = "b";
        assertThat(t.f0).isEqualTo("a");
        assertThat(Tuple2.of("a", 1)).isNotEqualTo(Tuple2.of("a", 2)).isNotEqualTo(Tuple3.of("a", 1, 0));
        assertThat(Tuple2.of(1, "x").swap()).isEqualTo(Tuple2.of("x", 1));
        assertThat(new Tuple2<>(null, null)).isEqualTo(new Tuple2<>(null, null));
        assertThat(new Tuple2<>("a", null).hashCode()).isEqualTo(31 * "a".hashCode());
        assertThatThrownBy(() -> new Tuple2<>("a", null).getFieldNotNull(1)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("f1");
    }

    @Test
    void classesByArity() {
        for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
            Tuple t = Tuple.newInstance(arity);
            assertThat(t.getClass()).isEqualTo(Tuple.getTupleClass(arity));
            assertThat(t.getArity()).isEqualTo(arity);
            assertThat(t.getClass().getSimpleName()).isEqualTo("Tuple" + arity);
            for (int i = 0; i < arity; i++) {
                t.setField("v" + i, i);
            }
            for (int i = 0; i < arity; i++) {
                assertThat((String) t.getField(i)).isEqualTo("v" + i);
            }
            assertThat((Tuple) t.copy()).isEqualTo(t);
        }
        assertThat(Tuple.newInstance(25).toString()).isEqualTo("(" + "null,".repeat(24) + "null)");
        assertThatThrownBy(() -> Tuple.newInstance(26)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tuple.getTupleClass(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

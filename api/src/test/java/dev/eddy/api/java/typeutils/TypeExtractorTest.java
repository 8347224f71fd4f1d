package dev.eddy.api.java.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.BasicArrayTypeInfo;
import dev.eddy.api.common.typeinfo.BasicTypeInfo;
import dev.eddy.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.eddy.api.common.typeinfo.TypeHint;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.api.java.typeutils.Fixtures.Address;
import dev.eddy.api.java.typeutils.Fixtures.Box;
import dev.eddy.api.java.typeutils.Fixtures.Employee;
import dev.eddy.api.java.typeutils.Fixtures.FlatMapFn;
import dev.eddy.api.java.typeutils.Fixtures.KeyFn;
import dev.eddy.api.java.typeutils.Fixtures.Level;
import dev.eddy.api.java.typeutils.Fixtures.MapFn;
import dev.eddy.api.java.typeutils.Fixtures.Out;
import dev.eddy.api.java.typeutils.Fixtures.Pair;
import dev.eddy.api.java.typeutils.Fixtures.Person;
import dev.eddy.api.java.typeutils.Fixtures.Reading;
import dev.eddy.api.java.typeutils.Fixtures.ReduceFn;
import dev.eddy.api.java.typeutils.Fixtures.WordCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeExtractorTest {
    private static final TypeInformation<Tuple2<String, Integer>> STRING_INT = Types.TUPLE(Types.STRING, Types.INT);

    @Test
    void basicAndArrayClasses() {
        assertThat(TypeExtractor.getForClass(String.class)).isSameAs(BasicTypeInfo.STRING_TYPE_INFO);
        assertThat(TypeExtractor.getForClass(int.class)).isSameAs(Types.INT);
        assertThat(TypeInformation.of(Long.class)).isSameAs(Types.LONG);
        assertThat(TypeExtractor.getForClass(LocalDate.class)).isSameAs(Types.LOCAL_DATE);
        assertThat(TypeExtractor.getForClass(int[].class)).isSameAs(PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(TypeExtractor.getForClass(String[].class)).isSameAs(BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO);
        assertThat(TypeExtractor.getForClass(Address[].class)).isEqualTo(Types.OBJECT_ARRAY(Types.POJO(Address.class)));
        assertThat(TypeExtractor.getForClass(Level.class)).isEqualTo(Types.ENUM(Level.class));
        assertThat(Types.PRIMITIVE_ARRAY(Types.DOUBLE)).isSameAs(PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(Types.STRING.toString()).isEqualTo("String");
        assertThat(STRING_INT.toString()).isEqualTo("Java Tuple2<String, Integer>");
    }

    @Test
    void pojosAndRecords() {
        TypeInformation<Person> info = TypeExtractor.getForClass(Person.class);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<Person> pojo = (PojoTypeInfo<Person>) info;
        assertThat(pojo.getFieldNames()).containsExactly("active", "address", "age", "id", "name", "numbers", "scores", "tags");
        assertThat(pojo.getTypeAt("address")).isInstanceOf(PojoTypeInfo.class);
        assertThat(pojo.getTypeAt("address.city")).isEqualTo(Types.STRING);
        assertThat(pojo.getTypeAt("tags")).isEqualTo(Types.LIST(Types.STRING));
        assertThat(pojo.getTypeAt("scores")).isEqualTo(Types.MAP(Types.STRING, Types.INT));
        assertThat(pojo.getTypeAt("id")).isEqualTo(Types.LONG);
        assertThat(Types.POJO(Person.class)).isEqualTo(info);

        PojoTypeInfo<Employee> emp = (PojoTypeInfo<Employee>) TypeExtractor.getForClass(Employee.class);
        assertThat(emp.getFieldNames()).containsExactly("city", "company", "lat");

        PojoTypeInfo<Reading> rec = (PojoTypeInfo<Reading>) TypeExtractor.getForClass(Reading.class);
        assertThat(rec.isRecord()).isTrue();
        assertThat(rec.getFieldNames()).containsExactly("sensor", "tag", "value", "at");
        assertThat(rec.getTypeAt("at.millis")).isEqualTo(Types.LONG);

        TypeInformation<?> box = TypeExtractor.createTypeInfo(new TypeHint<Box<Integer>>() {}.getClass().getGenericSuperclass() instanceof java.lang.reflect.ParameterizedType p
                ? p.getActualTypeArguments()[0] : null);
        assertThat(((PojoTypeInfo<?>) box).getTypeAt("value")).isEqualTo(Types.INT);
        assertThat(((PojoTypeInfo<?>) TypeExtractor.getForClass(Fixtures.StringBox.class)).getTypeAt("value")).isEqualTo(Types.STRING);
        TypeInformation<Pair<String, Long>> pair = TypeInformation.of(new TypeHint<Pair<String, Long>>() {});
        assertThat(((PojoTypeInfo<?>) pair).getTypeAt("second")).isEqualTo(Types.LONG);
    }

    @Test
    void pojoRuleViolationsExplainThemselves() {
        assertGenericBecause(Fixtures.PrivateField.class, "field 'x' is private and has no public getter/setter");
        assertGenericBecause(Fixtures.OnlyGetter.class, "field 'x' is private and has no public setter");
        assertGenericBecause(Fixtures.NoDefaultConstructor.class, "has no public no-argument constructor");
        assertGenericBecause(Fixtures.NotPublic.class, "is not public");
        assertGenericBecause(Fixtures.Inner.class, "non-static inner class");
        assertGenericBecause(Object.class, "no non-static, non-transient fields");
        assertThatThrownBy(() -> Types.POJO(Fixtures.PrivateField.class)).isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("field 'x' is private");

        TypeInformation<?> generic = TypeExtractor.getForClass(Fixtures.PrivateField.class);
        assertThatThrownBy(() -> generic.createSerializer(new SerializerConfig()))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining(Fixtures.PrivateField.class.getName())
                .hasMessageContaining("field 'x' is private and has no public getter/setter")
                .hasMessageContaining("returns(...)")
                .hasMessageContaining("pipeline.generic-types.java-serialization: true");
        assertThat(generic.createSerializer(new SerializerConfig().setJavaSerializationFallback(true))).isNotNull();

        // recursive POJO: the recursive field degrades to a generic type
        PojoTypeInfo<?> node = (PojoTypeInfo<?>) TypeExtractor.getForClass(Fixtures.Node.class);
        assertThat(node.getTypeAt("next")).isInstanceOf(GenericTypeInfo.class);
        assertThat(((GenericTypeInfo<?>) node.getTypeAt("next")).getReason()).contains("recursive");
    }

    @Test
    void keyTypesNeedValueEquality() {
        assertThat(TypeExtractor.getForClass(Person.class).isKeyType()).as("Person overrides equals/hashCode").isTrue();
        assertThat(TypeExtractor.getForClass(Fixtures.Node.class).isKeyType()).as("Node does not").isFalse();
        assertThat(TypeExtractor.getForClass(Reading.class).isKeyType()).isTrue();
        assertThat(TypeInformation.of(new TypeHint<Pair<int[], String>>() {}).isKeyType()).as("array component").isFalse();
        assertThat(STRING_INT.isKeyType()).isTrue();
        assertThat(Types.LIST(Types.STRING).isKeyType()).isTrue();
        assertThat(Types.TUPLE(Types.STRING, Types.PRIMITIVE_ARRAY(Types.INT)).isKeyType()).isFalse();
        assertThat(Types.GENERIC(Fixtures.Opaque.class).isKeyType()).isTrue();
        assertThat(Types.GENERIC(Fixtures.PrivateField.class).isKeyType()).isFalse();
    }

    @Test
    void unsupportedCollectionsSayWhichOnesWork() {
        assertGenericBecause(java.util.LinkedList.class, "declare it as List<T>");
        assertGenericBecause(java.util.TreeMap.class, "Map<K, V>");
    }

    /** Shaped like Flink's KeyedProcessFunction: an abstract class with the output as third type argument. */
    public abstract static class KeyedFn<K, I, O> implements java.io.Serializable {
        public abstract void process(I value, Out<O> out);
    }

    public static class KeyAndValue<K, V> extends KeyedFn<K, V, Tuple2<K, V>> {
        @Override
        public void process(V value, Out<Tuple2<K, V>> out) {}
    }

    @Test
    void abstractClassFunctionsResolveFromKeyAndInputTypes() {
        assertThat(TypeExtractor.<Object>getOutputType(new KeyAndValue<String, Long>(), KeyedFn.class, 2, Types.STRING, Types.LONG))
                .isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
        KeyedFn<String, Long, Address> anonymous = new KeyedFn<>() {
            @Override
            public void process(Long value, Out<Address> out) {}
        };
        assertThat(TypeExtractor.<Object>getOutputType(anonymous, KeyedFn.class, 2, Types.STRING, Types.LONG))
                .isEqualTo(Types.POJO(Address.class));
    }

    private static void assertGenericBecause(Class<?> c, String reason) {
        TypeInformation<?> info = TypeExtractor.getForClass(c);
        assertThat(info).isInstanceOf(GenericTypeInfo.class);
        assertThat(((GenericTypeInfo<?>) info).getReason()).contains(reason);
    }

    @Test
    void rawGenericClassesNeedHints() {
        assertThatThrownBy(() -> TypeExtractor.getForClass(Tuple2.class)).isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("TypeHint").hasMessageContaining("returns(...)");
        assertThatThrownBy(() -> TypeExtractor.getForClass(List.class)).isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("TypeHint");
        assertThatThrownBy(() -> TypeExtractor.getForClass(Map.class)).isInstanceOf(InvalidTypesException.class);
        assertThat(TypeExtractor.getForClass(WordCount.class)).isEqualTo(new TupleTypeInfo<>(WordCount.class, Types.STRING, Types.INT));
    }

    @Test
    void typeHintsAndParameterizedTypes() {
        assertThat(TypeInformation.of(new TypeHint<Tuple2<String, Integer>>() {})).isEqualTo(STRING_INT);
        assertThat(TypeInformation.of(new TypeHint<List<Address>>() {})).isEqualTo(Types.LIST(Types.POJO(Address.class)));
        assertThat(TypeInformation.of(new TypeHint<Map<String, List<Long>>>() {}))
                .isEqualTo(Types.MAP(Types.STRING, Types.LIST(Types.LONG)));
        assertThat(TypeInformation.of(new TypeHint<Tuple2<Tuple2<String, Integer>, Tuple3<Long, Long, String>>>() {}))
                .isEqualTo(Types.TUPLE(STRING_INT, Types.TUPLE(Types.LONG, Types.LONG, Types.STRING)));
        assertThat(TypeInformation.of(new TypeHint<List<String>[]>() {})).isEqualTo(Types.OBJECT_ARRAY(Types.LIST(Types.STRING)));
    }

    @Test
    void forObject() {
        assertThat(TypeExtractor.getForObject(Tuple2.of("a", 1))).isEqualTo(STRING_INT);
        assertThat(TypeExtractor.getForObject(Tuple2.of(Tuple2.of("a", 1), new int[] {1})))
                .isEqualTo(Types.TUPLE(STRING_INT, Types.PRIMITIVE_ARRAY(Types.INT)));
        assertThat(TypeExtractor.getForObject(new ArrayList<>(Arrays.asList(null, "x")))).isEqualTo(Types.LIST(Types.STRING));
        Map<String, Long> m = new HashMap<>();
        m.put("k", 1L);
        assertThat(TypeExtractor.getForObject(m)).isEqualTo(Types.MAP(Types.STRING, Types.LONG));
        assertThat(TypeExtractor.getForObject(5)).isEqualTo(Types.INT);
        assertThat(TypeExtractor.getForObject(new WordCount("a", 1))).isEqualTo(new TupleTypeInfo<>(WordCount.class, Types.STRING, Types.INT));
        assertThatThrownBy(() -> TypeExtractor.getForObject(Tuple2.of("a", null))).isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("f1");
        assertThatThrownBy(() -> TypeExtractor.getForObject(new ArrayList<>())).isInstanceOf(InvalidTypesException.class);
        Tuple2<?, ?>[] pairs = {null, Tuple2.of("a", 1)};
        assertThat(TypeExtractor.getForObject(pairs)).isEqualTo(dev.eddy.api.java.typeutils.ObjectArrayTypeInfo.getInfoFor(Tuple2[].class, STRING_INT));
    }

    // ------------------------------------------------------------ functions

    public static class Tokenizer implements MapFn<String, Tuple2<String, Integer>> {
        @Override
        public Tuple2<String, Integer> map(String value) {
            return Tuple2.of(value, 1);
        }
    }

    public abstract static class AbstractMapper<X> implements MapFn<X, List<X>> {}

    public static class ListWrapper extends AbstractMapper<Long> {
        @Override
        public List<Long> map(Long value) {
            return List.of(value);
        }
    }

    public static class Identity<T> implements MapFn<T, T> {
        @Override
        public T map(T value) {
            return value;
        }
    }

    public static class PairUp<T> implements MapFn<T, Tuple2<T, Integer>> {
        @Override
        public Tuple2<T, Integer> map(T value) {
            return Tuple2.of(value, 1);
        }
    }

    public static class Unwrap<A, B> implements MapFn<Tuple2<A, B>, B> {
        @Override
        public B map(Tuple2<A, B> value) {
            return value.f1;
        }
    }

    public static class Queryable implements MapFn<String, Object>, ResultTypeQueryable<Object> {
        @Override
        public Object map(String value) {
            return value;
        }

        @Override
        public TypeInformation<Object> getProducedType() {
            return (TypeInformation) Types.STRING;
        }
    }

    static String upper(String s) {
        return s.toUpperCase();
    }

    static <T> T same(T t) {
        return t;
    }

    Integer lengthOf(String s) {
        return s.length();
    }

    static void split(String line, Out<Tuple2<String, Integer>> out) {
        out.collect(Tuple2.of(line, 1));
    }

    @Test
    void namedAnonymousAndGenericClasses() {
        assertThat(TypeExtractor.<Object>getOutputType(new Tokenizer(), MapFn.class, 1, Types.STRING)).isEqualTo(STRING_INT);
        assertThat(TypeExtractor.<Object>getOutputType(new ListWrapper(), MapFn.class, 1, Types.LONG)).isEqualTo(Types.LIST(Types.LONG));
        MapFn<String, Address> anon = new MapFn<>() {
            @Override
            public Address map(String value) {
                return new Address(value, 0);
            }
        };
        assertThat(TypeExtractor.<Object>getOutputType(anon, MapFn.class, 1, Types.STRING)).isEqualTo(Types.POJO(Address.class));
        assertThat(TypeExtractor.<Object>getOutputType(new Identity<String>(), MapFn.class, 1, Types.STRING)).isEqualTo(Types.STRING);
        assertThat(TypeExtractor.<Object>getOutputType(new PairUp<Long>(), MapFn.class, 1, Types.LONG))
                .isEqualTo(Types.TUPLE(Types.LONG, Types.INT));
        assertThat(TypeExtractor.<Object>getOutputType(new Unwrap<String, Double>(), MapFn.class, 1, Types.TUPLE(Types.STRING, Types.DOUBLE)))
                .isEqualTo(Types.DOUBLE);
        assertThat(TypeExtractor.<Object>getOutputType(new Queryable(), MapFn.class, 1, Types.STRING)).isEqualTo(Types.STRING);
        assertThat(TypeExtractor.<Object>getOutputType(new Tokenizer(), MapFn.class, 0)).isEqualTo(Types.STRING);
        assertThatThrownBy(() -> TypeExtractor.getOutputType(new Identity<String>(), MapFn.class, 1))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("could not be determined automatically, due to type erasure")
                .hasMessageContaining(Identity.class.getName());
    }

    @Test
    void lambdasAndMethodReferences() {
        MapFn<String, Integer> length = s -> s.length();
        assertThat(TypeExtractor.<Object>getOutputType(length, MapFn.class, 1, Types.STRING)).isEqualTo(Types.INT);
        MapFn<String, Address> toAddress = s -> new Address(s, 1.0);
        assertThat(TypeExtractor.<Object>getOutputType(toAddress, MapFn.class, 1, Types.STRING)).isEqualTo(Types.POJO(Address.class));
        KeyFn<Reading, String> tag = Reading::tag;
        assertThat(TypeExtractor.<Object>getOutputType(tag, KeyFn.class, 1, Types.POJO(Reading.class))).isEqualTo(Types.STRING);
        KeyFn<Reading, Double> value = Reading::value;
        assertThat(TypeExtractor.<Object>getOutputType(value, KeyFn.class, 1)).isEqualTo(Types.DOUBLE);
        assertThat(TypeExtractor.<Object>getOutputType(tag, KeyFn.class, 0)).isEqualTo(Types.POJO(Reading.class));
        MapFn<String, String> staticRef = TypeExtractorTest::upper;
        assertThat(TypeExtractor.<Object>getOutputType(staticRef, MapFn.class, 1, Types.STRING)).isEqualTo(Types.STRING);
        MapFn<String, Integer> boundRef = this::lengthOf;
        assertThat(TypeExtractor.<Object>getOutputType(boundRef, MapFn.class, 1, Types.STRING)).isEqualTo(Types.INT);
        String prefix = "p";
        MapFn<String, String> capturing = s -> prefix + s;
        assertThat(TypeExtractor.<Object>getOutputType(capturing, MapFn.class, 1, Types.STRING)).isEqualTo(Types.STRING);
        MapFn<Long, Fixtures.Instant2> ctorRef = Fixtures.Instant2::new;
        assertThat(TypeExtractor.<Object>getOutputType(ctorRef, MapFn.class, 1, Types.LONG)).isEqualTo(Types.POJO(Fixtures.Instant2.class));
        MapFn<Long, Long> genericRef = TypeExtractorTest::same;
        assertThat(TypeExtractor.<Object>getOutputType(genericRef, MapFn.class, 1, Types.LONG)).isEqualTo(Types.LONG);
        ReduceFn<Long> sum = (a, b) -> a + b;
        assertThat(TypeExtractor.<Object>getOutputType(sum, ReduceFn.class, 0)).isEqualTo(Types.LONG);
        FlatMapFn<String, Tuple2<String, Integer>> splitRef = TypeExtractorTest::split;
        assertThat(TypeExtractor.<Object>getOutputType(splitRef, FlatMapFn.class, 1, Types.STRING)).isEqualTo(STRING_INT);
    }

    @Test
    void erasedLambdasFailWithFlinksMessage() {
        MapFn<String, Tuple2<String, Integer>> raw = s -> Tuple2.of(s, 1);
        assertThatThrownBy(() -> TypeExtractor.getOutputType(raw, MapFn.class, 1, Types.STRING))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageStartingWith("The return type of function '")
                .hasMessageContaining("could not be determined automatically, due to type erasure. You can give type information hints by"
                        + " using the returns(...) method on the result of the transformation call, or by letting your function"
                        + " implement the 'ResultTypeQueryable' interface.");
        FlatMapFn<String, String> flat = (line, out) -> out.collect(line);
        assertThatThrownBy(() -> TypeExtractor.getOutputType(flat, FlatMapFn.class, 1, Types.STRING))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("due to type erasure");
        MapFn<String, List<String>> list = s -> List.of(s);
        assertThatThrownBy(() -> TypeExtractor.getOutputType(list, MapFn.class, 1, Types.STRING))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("returns(...)");
    }

    @Test
    void nonSerializableLambdaIsExplained() {
        java.util.function.Function<String, Integer> f = String::length;
        assertThatThrownBy(() -> TypeExtractor.getOutputType(f, java.util.function.Function.class, 1))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("Serializable");
    }
}

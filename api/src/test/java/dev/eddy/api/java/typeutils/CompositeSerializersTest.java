package dev.eddy.api.java.typeutils;

import static dev.eddy.api.common.typeutils.SerializerTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeHint;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.java.tuple.Tuple;
import dev.eddy.api.java.tuple.Tuple0;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.api.java.typeutils.Fixtures.Address;
import dev.eddy.api.java.typeutils.Fixtures.Employee;
import dev.eddy.api.java.typeutils.Fixtures.Instant2;
import dev.eddy.api.java.typeutils.Fixtures.Level;
import dev.eddy.api.java.typeutils.Fixtures.Opaque;
import dev.eddy.api.java.typeutils.Fixtures.Pair;
import dev.eddy.api.java.typeutils.Fixtures.Person;
import dev.eddy.api.java.typeutils.Fixtures.Reading;
import dev.eddy.api.java.typeutils.Fixtures.WordCount;
import dev.eddy.core.memory.DataOutputSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeSerializersTest {
    private static final SerializerConfig CONFIG = new SerializerConfig();

    private static <T> TypeSerializer<T> serializerOf(TypeInformation<T> info) {
        return info.createSerializer(CONFIG);
    }

    private static Person person(String name) {
        Person p = new Person();
        p.name = name;
        p.age = 42;
        p.setId(7L);
        p.setActive(true);
        p.address = new Address("Berlin", 52.5);
        p.tags = new ArrayList<>(List.of("a", "b"));
        p.scores = new HashMap<>(Map.of("x", 1));
        p.numbers = new int[] {1, 2, 3};
        p.ignored = "not serialized";
        return p;
    }

    @Test
    void tuples() throws Exception {
        TypeSerializer<Tuple2<String, Integer>> s = serializerOf(Types.TUPLE(Types.STRING, Types.INT));
        assertThat(roundTrip(s, Tuple2.of("hello", 5))).isEqualTo(Tuple2.of("hello", 5));
        TypeSerializer<Tuple3<Tuple2<String, Integer>, List<Long>, int[]>> nested =
                serializerOf(TypeInformation.of(new TypeHint<Tuple3<Tuple2<String, Integer>, List<Long>, int[]>>() {}));
        Tuple3<Tuple2<String, Integer>, List<Long>, int[]> value = Tuple3.of(Tuple2.of("a", 1), new ArrayList<>(List.of(1L, 2L)), new int[] {9});
        Tuple3<Tuple2<String, Integer>, List<Long>, int[]> copy = nested.copy(value);
        assertThat(copy.f0).isEqualTo(value.f0).isNotSameAs(value.f0);
        assertThat(copy.f2).isEqualTo(value.f2).isNotSameAs(value.f2);
        Tuple3<Tuple2<String, Integer>, List<Long>, int[]> back = nested.deserialize(
                new dev.eddy.core.memory.DataInputDeserializer(serialize(nested, value)));
        assertThat(back.toString()).isEqualTo(value.toString());
        assertThat(roundTrip(serializerOf(Types.TUPLE()), new Tuple0())).isEqualTo(Tuple0.INSTANCE);
        TypeSerializer<WordCount> sub = serializerOf(TypeExtractor.getForClass(WordCount.class));
        assertThat(roundTrip(sub, new WordCount("w", 3))).isInstanceOf(WordCount.class).isEqualTo(new WordCount("w", 3));
        assertThat(s.getLength()).isEqualTo(-1);
        assertThat(serializerOf(Types.TUPLE(Types.INT, Types.LONG)).getLength()).isEqualTo(12);
        Tuple2<String, String> big = Tuple2.of("k", "v".repeat(70_000));
        roundTrip(serializerOf(Types.TUPLE(Types.STRING, Types.STRING)), big);
    }

    @Test
    void allTupleArities() throws Exception {
        for (int arity = 1; arity <= Tuple.MAX_ARITY; arity++) {
            TypeInformation<?>[] types = new TypeInformation<?>[arity];
            Tuple t = Tuple.newInstance(arity);
            for (int i = 0; i < arity; i++) {
                types[i] = i % 2 == 0 ? Types.INT : Types.STRING;
                t.setField(i % 2 == 0 ? (Object) i : "s" + i, i);
            }
            TypeSerializer<Tuple> s = serializerOf(Types.TUPLE(types));
            assertThat(roundTrip(s, t)).isEqualTo(t);
        }
    }

    @Test
    void nullTupleFieldsAreRejectedByName() {
        TypeSerializer<Tuple2<String, Integer>> s = serializerOf(Types.TUPLE(Types.STRING, Types.INT));
        assertThatThrownBy(() -> s.serialize(Tuple2.of("a", null), new DataOutputSerializer(8)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Field f1 of Tuple2")
                .hasMessageContaining("must be non-null");
        assertThatThrownBy(() -> s.serialize(null, new DataOutputSerializer(8))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void pojos() throws Exception {
        TypeSerializer<Person> s = serializerOf(TypeExtractor.getForClass(Person.class));
        Person p = person("Ann");
        Person back = roundTrip(s, p);
        assertThat(back.ignored).as("transient fields are skipped").isNull();
        assertThat(back.getId()).isEqualTo(7L);
        assertThat(back.isActive()).isTrue();
        Person copy = s.copy(p);
        assertThat(copy.address).isEqualTo(p.address).isNotSameAs(p.address);
        assertThat(copy.tags).isNotSameAs(p.tags);
        assertThat(copy.numbers).isNotSameAs(p.numbers);

        Person empty = new Person();
        assertThat(roundTrip(s, empty)).isEqualTo(empty);
        assertThat(roundTrip(s, null)).isNull();
        Person big = person("B".repeat(70_000));
        roundTrip(s, big);

        TypeSerializer<Employee> emp = serializerOf(TypeExtractor.getForClass(Employee.class));
        Employee e = new Employee();
        e.city = "Oslo";
        e.lat = 59.9;
        e.company = "ACME";
        Employee eb = roundTrip(emp, e);
        assertThat(eb.company).isEqualTo("ACME");
        assertThat(eb.city).isEqualTo("Oslo");

        TypeSerializer<Address> addr = serializerOf(TypeExtractor.getForClass(Address.class));
        assertThatThrownBy(() -> addr.serialize(e, new DataOutputSerializer(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subclasses are not supported");
    }

    @Test
    void explicitPojoFields() throws Exception {
        Map<String, TypeInformation<?>> fields = new HashMap<>();
        fields.put("city", Types.STRING);
        fields.put("lat", Types.DOUBLE);
        TypeInformation<Address> info = Types.POJO(Address.class, fields);
        assertThat(info).isEqualTo(TypeExtractor.getForClass(Address.class));
        assertThat(roundTrip(serializerOf(info), new Address("Rome", 41.9))).isEqualTo(new Address("Rome", 41.9));
    }

    @Test
    void records() throws Exception {
        TypeSerializer<Reading> s = serializerOf(TypeExtractor.getForClass(Reading.class));
        assertThat(s.isImmutableType()).isTrue();
        Reading r = new Reading("s1", "t", 1.5, new Instant2(99));
        assertThat(roundTrip(s, r)).isEqualTo(r);
        assertThat(s.copy(r)).isSameAs(r);
        assertThat(roundTrip(s, new Reading(null, null, 0, null))).isEqualTo(new Reading(null, null, 0, null));
        assertThat(roundTrip(s, null)).isNull();
        roundTrip(s, new Reading("x".repeat(70_000), "t", 2, new Instant2(1)));

        TypeSerializer<Pair<String, List<String>>> pair = serializerOf(TypeInformation.of(new TypeHint<Pair<String, List<String>>>() {}));
        assertThat(pair.isImmutableType()).isFalse();
        Pair<String, List<String>> value = new Pair<>("k", new ArrayList<>(List.of("v")));
        Pair<String, List<String>> copy = pair.copy(value);
        assertThat(copy).isEqualTo(value);
        assertThat(copy.second()).isNotSameAs(value.second());
        roundTrip(pair, value);
    }

    @Test
    void listsMapsArraysEnumsFromTypeInfo() throws Exception {
        TypeSerializer<List<Address>> list = serializerOf(Types.LIST(Types.POJO(Address.class)));
        List<Address> addresses = new ArrayList<>(Arrays.asList(new Address("a", 1), null));
        assertThat(roundTrip(list, addresses)).isEqualTo(addresses);
        TypeSerializer<Map<String, List<Integer>>> map = serializerOf(Types.MAP(Types.STRING, Types.LIST(Types.INT)));
        Map<String, List<Integer>> m = new HashMap<>();
        m.put("k", new ArrayList<>(List.of(1, 2)));
        assertThat(roundTrip(map, m)).isEqualTo(m);
        TypeSerializer<Address[]> arr = serializerOf(Types.OBJECT_ARRAY(Types.POJO(Address.class)));
        Address[] a = {new Address("x", 1), null};
        Address[] copy = arr.copy(a);
        assertThat(copy[0]).isEqualTo(a[0]).isNotSameAs(a[0]);
        roundTrip(arr, a);
        roundTrip(serializerOf(Types.OBJECT_ARRAY(Types.STRING)), new String[] {"s", null});
        roundTrip(serializerOf(Types.ENUM(Level.class)), Level.HIGH);
        roundTrip(serializerOf(Types.BIG_DEC), new java.math.BigDecimal("1.5"));
        roundTrip(serializerOf(Types.LOCAL_DATE_TIME), java.time.LocalDateTime.of(2020, 1, 1, 0, 0));
    }

    @Test
    void genericTypesNeedOptIn() throws Exception {
        TypeInformation<Opaque> info = Types.GENERIC(Opaque.class);
        assertThatThrownBy(() -> info.createSerializer(CONFIG))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining(Opaque.class.getName())
                .hasMessageContaining("no public no-argument constructor")
                .hasMessageContaining("pipeline.generic-types.java-serialization: true");
        TypeSerializer<Opaque> s = info.createSerializer(new SerializerConfig().setJavaSerializationFallback(true));
        Opaque o = new Opaque("secret");
        assertThat(roundTrip(s, o)).isEqualTo(o);
        assertThat(s.copy(o)).isNotSameAs(o);
        assertThat(roundTrip(s, null)).isNull();
        roundTrip(s, new Opaque("z".repeat(70_000)));
    }

    @Test
    void typeInfosAndSerializersAreJavaSerializable() throws Exception {
        TypeInformation<?>[] infos = {
            Types.STRING, Types.TUPLE(Types.STRING, Types.INT), TypeExtractor.getForClass(Person.class),
            TypeExtractor.getForClass(Reading.class), Types.LIST(Types.LONG), Types.MAP(Types.STRING, Types.INT),
            Types.ENUM(Level.class), Types.PRIMITIVE_ARRAY(Types.BYTE), Types.OBJECT_ARRAY(Types.POJO(Address.class))
        };
        for (TypeInformation<?> info : infos) {
            TypeInformation<?> back = dev.eddy.api.common.typeutils.SerializerTestSupport.javaRoundTrip(info);
            assertThat(back).isEqualTo(info);
            assertThat(back.hashCode()).isEqualTo(info.hashCode());
            assertThat(back.createSerializer(CONFIG)).isEqualTo(info.createSerializer(CONFIG));
        }
        assertThat(dev.eddy.api.common.typeutils.SerializerTestSupport.javaRoundTrip(Types.INT)).isSameAs(Types.INT);
    }

    private static <T> byte[] serialize(TypeSerializer<T> s, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(4);
        s.serialize(value, out);
        return out.getCopyOfBuffer();
    }
}

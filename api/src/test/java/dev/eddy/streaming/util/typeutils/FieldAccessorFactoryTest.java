package dev.eddy.streaming.util.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.common.typeutils.SerializerTestSupport;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.api.java.typeutils.Fixtures.Address;
import dev.eddy.api.java.typeutils.Fixtures.Instant2;
import dev.eddy.api.java.typeutils.Fixtures.Person;
import dev.eddy.api.java.typeutils.Fixtures.Reading;
import dev.eddy.api.java.typeutils.TypeExtractor;
import org.junit.jupiter.api.Test;

class FieldAccessorFactoryTest {
    private static final SerializerConfig CONFIG = new SerializerConfig();
    private static final TypeInformation<Tuple2<String, Integer>> STRING_INT = Types.TUPLE(Types.STRING, Types.INT);

    @Test
    void tupleByPositionAndName() throws Exception {
        FieldAccessor<Tuple2<String, Integer>, Integer> byPos = FieldAccessorFactory.getAccessor(STRING_INT, 1, CONFIG);
        Tuple2<String, Integer> t = Tuple2.of("a", 1);
        assertThat(byPos.get(t)).isEqualTo(1);
        assertThat(byPos.getFieldType()).isEqualTo(Types.INT);
        assertThat(byPos.set(t, 5)).isSameAs(t);
        assertThat(t.f1).isEqualTo(5);
        FieldAccessor<Tuple2<String, Integer>, String> byName = FieldAccessorFactory.getAccessor(STRING_INT, "f0", CONFIG);
        assertThat(byName.get(t)).isEqualTo("a");
        FieldAccessor<Tuple2<String, Integer>, Integer> revived = SerializerTestSupport.javaRoundTrip(byPos);
        assertThat(revived.get(t)).isEqualTo(5);
    }

    @Test
    void badPositionsAndNamesAreExplained() {
        assertThatThrownBy(() -> FieldAccessorFactory.getAccessor(STRING_INT, 5, CONFIG))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessage("Cannot reference field 5 of Tuple2<String, Integer>: it has 2 fields");
        assertThatThrownBy(() -> FieldAccessorFactory.getAccessor(STRING_INT, "f2", CONFIG))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("f0 to f1");
        assertThatThrownBy(() -> FieldAccessorFactory.getAccessor(Types.INT, 1, CONFIG))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("atomic");
        TypeInformation<Person> person = TypeExtractor.getForClass(Person.class);
        assertThatThrownBy(() -> FieldAccessorFactory.getAccessor(person, "nope", CONFIG))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("'nope'").hasMessageContaining("name");
        assertThatThrownBy(() -> FieldAccessorFactory.getAccessor(person, 0, CONFIG))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("by name");
        assertThatThrownBy(() -> FieldAccessorFactory.getAccessor(Types.STRING, "length", CONFIG))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("\"*\"");
    }

    @Test
    void atomicValues() {
        FieldAccessor<Integer, Integer> whole = FieldAccessorFactory.getAccessor(Types.INT, "*", CONFIG);
        assertThat(whole.get(3)).isEqualTo(3);
        assertThat(whole.set(3, 4)).isEqualTo(4);
        FieldAccessor<Long, Long> zero = FieldAccessorFactory.getAccessor(Types.LONG, 0, CONFIG);
        assertThat(zero.set(1L, 2L)).isEqualTo(2L);
        FieldAccessor<int[], Integer> element = FieldAccessorFactory.getAccessor(dev.eddy.api.common.typeinfo.PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO, 1, CONFIG);
        int[] arr = {1, 2};
        assertThat(element.get(arr)).isEqualTo(2);
        element.set(arr, 9);
        assertThat(arr[1]).isEqualTo(9);
    }

    @Test
    void pojoFieldsIncludingPrivateAndNested() throws Exception {
        TypeInformation<Person> info = TypeExtractor.getForClass(Person.class);
        Person p = new Person();
        p.setId(3L);
        p.address = new Address("Paris", 48.8);
        FieldAccessor<Person, Long> id = FieldAccessorFactory.getAccessor(info, "id", CONFIG);
        assertThat(id.get(p)).isEqualTo(3L);
        assertThat(id.set(p, 4L)).isSameAs(p);
        assertThat(p.getId()).isEqualTo(4L);
        FieldAccessor<Person, Double> lat = FieldAccessorFactory.getAccessor(info, "address.lat", CONFIG);
        assertThat(lat.getFieldType()).isEqualTo(Types.DOUBLE);
        assertThat(lat.get(p)).isEqualTo(48.8);
        lat.set(p, 1.0);
        assertThat(p.address.lat).isEqualTo(1.0);
        FieldAccessor<Person, Double> revived = SerializerTestSupport.javaRoundTrip(lat);
        assertThat(revived.get(p)).isEqualTo(1.0);
    }

    @Test
    void recordFieldsReturnNewRecords() {
        TypeInformation<Reading> info = TypeExtractor.getForClass(Reading.class);
        Reading r = new Reading("s", "t", 1.0, new Instant2(5));
        FieldAccessor<Reading, Double> value = FieldAccessorFactory.getAccessor(info, "value", CONFIG);
        Reading updated = value.set(r, 2.0);
        assertThat(updated).isEqualTo(new Reading("s", "t", 2.0, new Instant2(5)));
        assertThat(r.value()).isEqualTo(1.0);
        FieldAccessor<Reading, Long> millis = FieldAccessorFactory.getAccessor(info, "at.millis", CONFIG);
        assertThat(millis.get(r)).isEqualTo(5L);
        assertThat(millis.set(r, 6L)).isEqualTo(new Reading("s", "t", 1.0, new Instant2(6)));
        TypeInformation<Tuple2<Reading, Integer>> tuple = Types.TUPLE(info, Types.INT);
        FieldAccessor<Tuple2<Reading, Integer>, String> nested = FieldAccessorFactory.getAccessor(tuple, "f0.tag", CONFIG);
        Tuple2<Reading, Integer> t = Tuple2.of(r, 1);
        nested.set(t, "new");
        assertThat(t.f0.tag()).isEqualTo("new");
    }
}

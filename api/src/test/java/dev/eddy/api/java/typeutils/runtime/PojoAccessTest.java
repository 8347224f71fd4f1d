package dev.eddy.api.java.typeutils.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PojoAccessTest {
    /** Every primitive kind, a boxed and a String field, a field initialiser. */
    public static class AllKinds {
        public int i;
        public long l;
        public double d;
        public float f;
        public boolean z;
        public short s;
        public byte b;
        public char c;
        public Integer boxed;
        public String text = "initial";
    }

    public static class WithVolatile {
        public volatile long counter;
        public String name;
    }

    public static class Throwing {
        public int x;

        public Throwing() {
            if (Boolean.getBoolean("eddy.test.throwing")) {
                throw new IllegalArgumentException("boom");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        TypeSerializer<T> s = TypeInformation.of(type).createSerializer(new SerializerConfig());
        assertThat(s).isInstanceOf(PojoSerializer.class);
        return (PojoSerializer<T>) s;
    }

    private static <T> T roundTrip(TypeSerializer<T> s, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(8);
        s.serialize(value, out);
        return s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void fastPathRoundTripsAndCopiesEveryFieldKind() throws Exception {
        PojoSerializer<AllKinds> s = serializer(AllKinds.class);
        assertThat(s.usesFastAccess()).isTrue();
        AllKinds a = new AllKinds();
        a.i = -7;
        a.l = Long.MIN_VALUE + 3;
        a.d = 2.5;
        a.f = -1.25f;
        a.z = true;
        a.s = (short) 31000;
        a.b = (byte) -2;
        a.c = 'λ';
        a.boxed = null;
        a.text = "héllo";
        for (AllKinds back : new AllKinds[] {roundTrip(s, a), s.copy(a)}) {
            assertThat(back).isNotSameAs(a).usingRecursiveComparison().isEqualTo(a);
        }
        assertThat(s.createInstance().text).isEqualTo("initial"); // the constructor ran
    }

    @Test
    void volatileFieldsKeepReflection() throws Exception {
        PojoSerializer<WithVolatile> s = serializer(WithVolatile.class);
        assertThat(s.usesFastAccess()).isFalse();
        WithVolatile v = new WithVolatile();
        v.counter = 42;
        v.name = "n";
        assertThat(roundTrip(s, v)).usingRecursiveComparison().isEqualTo(v);
    }

    @Test
    void aThrowingConstructorIsReportedWithTheClassName() {
        PojoSerializer<Throwing> s = serializer(Throwing.class);
        System.setProperty("eddy.test.throwing", "true");
        try {
            assertThatThrownBy(s::createInstance).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Throwing.class.getName()).hasMessageContaining("boom");
        } finally {
            System.clearProperty("eddy.test.throwing");
        }
    }
}

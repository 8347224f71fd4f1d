package dev.eddy.api.common.typeutils;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.core.memory.DataOutputView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Objects;

/** Round-trip checks shared by the serializer tests. */
public final class SerializerTestSupport {
    private SerializerTestSupport() {}

    /**
     * Serializes {@code value} through a (deliberately tiny, growing) DataOutputSerializer, reads it
     * back from a DataInputDeserializer, and also through plain stream-backed views (the generic
     * slow paths). Checks equality (deep for arrays), that all bytes were consumed, the fixed
     * length, copy() (equal, and a distinct object for mutable types), duplicate() and Java
     * serialization of the serializer itself. Returns the deserialized value.
     */
    public static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1);
        serializer.serialize(value, out);
        serializer.serialize(value, out);
        int twice = out.length();
        assertThat(twice % 2).isZero();
        if (serializer.getLength() >= 0) {
            assertThat(twice / 2).as("fixed length of %s", serializer).isEqualTo(serializer.getLength());
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        T first = serializer.deserialize(in);
        T second = serializer.deserialize(in);
        assertThat(in.available()).isZero();
        assertDeepEquals(first, value);
        assertDeepEquals(second, value);

        // copy(DataInputView, DataOutputView)
        DataOutputSerializer copied = new DataOutputSerializer(8);
        serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(java.util.Arrays.copyOf(out.getSharedBuffer(), twice / 2));

        // generic (non-array) views
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        serializer.serialize(value, new StreamOutputView(new DataOutputStream(bytes)));
        assertThat(bytes.toByteArray()).as("generic view writes the same bytes").isEqualTo(java.util.Arrays.copyOf(out.getSharedBuffer(), twice / 2));
        T viaStream = serializer.deserialize(new StreamInputView(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertDeepEquals(viaStream, value);

        T copy = serializer.copy(value);
        assertDeepEquals(copy, value);
        if (value != null && !serializer.isImmutableType()) {
            assertThat(copy).as("copy of a mutable value is a new object").isNotSameAs(value);
        }
        TypeSerializer<T> dup = serializer.duplicate();
        assertThat(dup).isEqualTo(serializer);
        assertThat(dup.hashCode()).isEqualTo(serializer.hashCode());
        TypeSerializer<T> revived = javaRoundTrip(serializer);
        assertThat(revived).isEqualTo(serializer);
        DataOutputSerializer again = new DataOutputSerializer(16);
        revived.serialize(value, again);
        assertDeepEquals(revived.deserialize(new DataInputDeserializer(again.getCopyOfBuffer())), value);
        return first;
    }

    public static void assertDeepEquals(Object actual, Object expected) {
        if (!Objects.deepEquals(actual, expected)) {
            throw new AssertionError(render(actual) + " does not deep-equal the expected " + render(expected));
        }
    }

    private static String render(Object o) {
        if (o != null && o.getClass().isArray()) {
            o = java.util.Arrays.deepToString(new Object[] {o});
        }
        String s = String.valueOf(o);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    @SuppressWarnings("unchecked")
    public static <X> X javaRoundTrip(X object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (X) in.readObject();
        }
    }

    /** A DataOutputView over a plain DataOutputStream: exercises serializers' generic paths. */
    public static final class StreamOutputView extends DataOutputStream implements DataOutputView {
        public StreamOutputView(DataOutputStream out) {
            super(out);
        }

        @Override
        public void skipBytesToWrite(int numBytes) throws IOException {
            write(new byte[numBytes]);
        }

        @Override
        public void write(DataInputView source, int numBytes) throws IOException {
            byte[] b = new byte[numBytes];
            source.readFully(b);
            write(b);
        }
    }

    /** A DataInputView over a plain DataInputStream. */
    public static final class StreamInputView extends DataInputStream implements DataInputView {
        public StreamInputView(DataInputStream in) {
            super(in);
        }

        @Override
        public void skipBytesToRead(int numBytes) throws IOException {
            readFully(new byte[numBytes]);
        }
    }
}

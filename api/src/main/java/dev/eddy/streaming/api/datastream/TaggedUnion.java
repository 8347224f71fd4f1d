package dev.eddy.streaming.api.datastream;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.util.Objects;

/**
 * A record of the first or of the second input of a window join/coGroup, so both inputs can be
 * unioned, keyed and windowed as one stream. Immutable.
 */
public final class TaggedUnion<T1, T2> {
    private final T1 one;
    private final T2 two;

    private TaggedUnion(T1 one, T2 two) {
        this.one = one;
        this.two = two;
    }

    public static <T1, T2> TaggedUnion<T1, T2> one(T1 value) {
        return new TaggedUnion<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T1, T2> TaggedUnion<T1, T2> two(T2 value) {
        return new TaggedUnion<>(null, Objects.requireNonNull(value, "value"));
    }

    public boolean isOne() {
        return one != null;
    }

    public T1 getOne() {
        return one;
    }

    public T2 getTwo() {
        return two;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaggedUnion<?, ?> t && Objects.equals(one, t.one) && Objects.equals(two, t.two);
    }

    @Override
    public int hashCode() {
        return Objects.hash(one, two);
    }

    @Override
    public String toString() {
        return isOne() ? "One(" + one + ")" : "Two(" + two + ")";
    }

    /** Type information of a tagged union of two types. */
    public static final class UnionTypeInfo<T1, T2> extends TypeInformation<TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;
        private final TypeInformation<T1> oneType;
        private final TypeInformation<T2> twoType;

        public UnionTypeInfo(TypeInformation<T1> oneType, TypeInformation<T2> twoType) {
            this.oneType = Objects.requireNonNull(oneType, "first type");
            this.twoType = Objects.requireNonNull(twoType, "second type");
        }

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 2;
        }

        @Override
        public int getTotalFields() {
            return 2;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<TaggedUnion<T1, T2>> getTypeClass() {
            return (Class) TaggedUnion.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<TaggedUnion<T1, T2>> createSerializer(SerializerConfig config) {
            return new UnionSerializer<>(oneType.createSerializer(config), twoType.createSerializer(config));
        }

        @Override
        public String toString() {
            return "TaggedUnion<" + oneType + ", " + twoType + ">";
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof UnionTypeInfo<?, ?> u && u.oneType.equals(oneType) && u.twoType.equals(twoType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(oneType, twoType);
        }
    }

    /** Format: one byte tag (1 or 2), then the value with that input's serializer. */
    public static final class UnionSerializer<T1, T2> extends TypeSerializer<TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;
        private final TypeSerializer<T1> oneSerializer;
        private final TypeSerializer<T2> twoSerializer;

        public UnionSerializer(TypeSerializer<T1> oneSerializer, TypeSerializer<T2> twoSerializer) {
            this.oneSerializer = oneSerializer;
            this.twoSerializer = twoSerializer;
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<TaggedUnion<T1, T2>> duplicate() {
            return new UnionSerializer<>(oneSerializer.duplicate(), twoSerializer.duplicate());
        }

        @Override
        public TaggedUnion<T1, T2> createInstance() {
            return null;
        }

        @Override
        public TaggedUnion<T1, T2> copy(TaggedUnion<T1, T2> from) {
            return from.isOne() ? one(oneSerializer.copy(from.getOne())) : two(twoSerializer.copy(from.getTwo()));
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(TaggedUnion<T1, T2> record, DataOutputView target) throws IOException {
            if (record.isOne()) {
                target.writeByte(1);
                oneSerializer.serialize(record.getOne(), target);
            } else {
                target.writeByte(2);
                twoSerializer.serialize(record.getTwo(), target);
            }
        }

        @Override
        public TaggedUnion<T1, T2> deserialize(DataInputView source) throws IOException {
            byte tag = source.readByte();
            switch (tag) {
                case 1:
                    return one(oneSerializer.deserialize(source));
                case 2:
                    return two(twoSerializer.deserialize(source));
                default:
                    throw new IOException("Corrupt tagged union: tag byte " + tag + " (expected 1 or 2)");
            }
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof UnionSerializer<?, ?> u && u.oneSerializer.equals(oneSerializer)
                    && u.twoSerializer.equals(twoSerializer);
        }

        @Override
        public int hashCode() {
            return Objects.hash(oneSerializer, twoSerializer);
        }
    }
}

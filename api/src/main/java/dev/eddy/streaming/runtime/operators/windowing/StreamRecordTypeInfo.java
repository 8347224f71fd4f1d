package dev.eddy.streaming.runtime.operators.windowing;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.Objects;

/** Type information of stream records of a value type, for evicting windows' element state. */
public final class StreamRecordTypeInfo<T> extends TypeInformation<StreamRecord<T>> {
    private static final long serialVersionUID = 1L;
    private final TypeInformation<T> valueType;

    public StreamRecordTypeInfo(TypeInformation<T> valueType) {
        this.valueType = Objects.requireNonNull(valueType, "value type");
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
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<StreamRecord<T>> getTypeClass() {
        return (Class) StreamRecord.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<StreamRecord<T>> createSerializer(SerializerConfig config) {
        return new StreamRecordSerializer<>(valueType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "StreamRecord<" + valueType + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof StreamRecordTypeInfo<?> t && t.valueType.equals(valueType);
    }

    @Override
    public int hashCode() {
        return valueType.hashCode() * 31 + 1;
    }
}

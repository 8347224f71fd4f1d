package dev.eddy.api.common.state;

import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;

/** Describes a {@link ValueState}. */
public class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {
    private static final long serialVersionUID = 1L;

    public ValueStateDescriptor(String name, Class<T> typeClass) {
        super(name, typeClass);
    }

    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo) {
        super(name, typeInfo);
    }

    public ValueStateDescriptor(String name, TypeSerializer<T> serializer) {
        super(name, serializer);
    }

    @Override
    public Type getType() {
        return Type.VALUE;
    }
}

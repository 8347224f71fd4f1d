package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.MapSerializer;
import java.util.Map;
import java.util.Objects;

/** Type information for {@code Map<K, V>}; values deserialize as {@link java.util.HashMap}. */
public final class MapTypeInfo<K, V> extends TypeInformation<Map<K, V>> {
    private static final long serialVersionUID = 1L;
    private final TypeInformation<K> keyTypeInfo;
    private final TypeInformation<V> valueTypeInfo;

    public MapTypeInfo(TypeInformation<K> keyTypeInfo, TypeInformation<V> valueTypeInfo) {
        this.keyTypeInfo = Objects.requireNonNull(keyTypeInfo, "keyTypeInfo");
        this.valueTypeInfo = Objects.requireNonNull(valueTypeInfo, "valueTypeInfo");
    }

    public MapTypeInfo(Class<K> keyClass, Class<V> valueClass) {
        this(TypeExtractor.getForClass(keyClass), TypeExtractor.getForClass(valueClass));
    }

    public TypeInformation<K> getKeyTypeInfo() {
        return keyTypeInfo;
    }

    public TypeInformation<V> getValueTypeInfo() {
        return valueTypeInfo;
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
        return 0;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<Map<K, V>> getTypeClass() {
        return (Class<Map<K, V>>) (Class<?>) Map.class;
    }

    /** Java lists/maps have value-based equals/hashCode, so they are keys if their contents are. */
    @Override
    public boolean isKeyType() {
        return keyTypeInfo.isKeyType() && valueTypeInfo.isKeyType();
    }

    @Override
    public TypeSerializer<Map<K, V>> createSerializer(SerializerConfig config) {
        return new MapSerializer<>(keyTypeInfo.createSerializer(config), valueTypeInfo.createSerializer(config));
    }

    @Override
    public String toString() {
        return "Map<" + keyTypeInfo + ", " + valueTypeInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof MapTypeInfo)) {
            return false;
        }
        MapTypeInfo<?, ?> other = (MapTypeInfo<?, ?>) obj;
        return keyTypeInfo.equals(other.keyTypeInfo) && valueTypeInfo.equals(other.valueTypeInfo);
    }

    @Override
    public int hashCode() {
        return 31 * keyTypeInfo.hashCode() + valueTypeInfo.hashCode();
    }
}

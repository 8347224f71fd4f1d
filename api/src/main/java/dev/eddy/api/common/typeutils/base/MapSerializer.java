package dev.eddy.api.common.typeutils.base;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Serializer for {@link Map}s, deserialized as {@link HashMap}. Format: int size (-1 = null map),
 * then per entry a null-flagged key and a null-flagged value.
 */
public final class MapSerializer<K, V> extends TypeSerializer<Map<K, V>> {
    private static final long serialVersionUID = 1L;
    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<V> valueSerializer;

    public MapSerializer(TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
        this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
    }

    public TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    public TypeSerializer<V> getValueSerializer() {
        return valueSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Map<K, V>> duplicate() {
        TypeSerializer<K> k = keySerializer.duplicate();
        TypeSerializer<V> v = valueSerializer.duplicate();
        return k == keySerializer && v == valueSerializer ? this : new MapSerializer<>(k, v);
    }

    @Override
    public Map<K, V> createInstance() {
        return new HashMap<>();
    }

    @Override
    public Map<K, V> copy(Map<K, V> from) {
        if (from == null) {
            return null;
        }
        Map<K, V> result = new HashMap<>(capacityFor(from.size()));
        for (Map.Entry<K, V> e : from.entrySet()) {
            K key = e.getKey();
            V value = e.getValue();
            result.put(key == null ? null : keySerializer.copy(key), value == null ? null : valueSerializer.copy(value));
        }
        return result;
    }

    private static int capacityFor(int size) {
        return size < 3 ? 4 : (int) (size / 0.75f) + 1;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Map<K, V> record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        int size = record.size();
        target.writeInt(size);
        int written = 0;
        for (Map.Entry<K, V> e : record.entrySet()) {
            writeNullable(keySerializer, e.getKey(), target);
            writeNullable(valueSerializer, e.getValue(), target);
            written++;
        }
        if (written != size) {
            throw new IOException("Map changed while being serialized: size() said " + size + " but iteration gave " + written);
        }
    }

    private static <X> void writeNullable(TypeSerializer<X> serializer, X value, DataOutputView target) throws IOException {
        if (value == null) {
            target.writeBoolean(false);
        } else {
            target.writeBoolean(true);
            serializer.serialize(value, target);
        }
    }

    @Override
    public Map<K, V> deserialize(DataInputView source) throws IOException {
        int size = source.readInt();
        if (size < 0) {
            return null;
        }
        Map<K, V> result = new HashMap<>(capacityFor(size));
        for (int i = 0; i < size; i++) {
            K key = source.readBoolean() ? keySerializer.deserialize(source) : null;
            V value = source.readBoolean() ? valueSerializer.deserialize(source) : null;
            result.put(key, value);
        }
        return result;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof MapSerializer)) {
            return false;
        }
        MapSerializer<?, ?> other = (MapSerializer<?, ?>) obj;
        return keySerializer.equals(other.keySerializer) && valueSerializer.equals(other.valueSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * keySerializer.hashCode() + valueSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "MapSerializer<" + keySerializer + ", " + valueSerializer + ">";
    }
}

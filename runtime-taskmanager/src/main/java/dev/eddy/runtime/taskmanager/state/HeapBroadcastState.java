package dev.eddy.runtime.taskmanager.state;

import com.google.protobuf.ByteString;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.state.BroadcastState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.proto.OperatorStatePartProto;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One broadcast state of an operator subtask: a hash map, snapshotted as an operator state part of
 * mode {@code BROADCAST} with one element per entry (key, then a presence flag and the value). On
 * restore the JobMaster gives every new subtask one old subtask's copy. Task thread only.
 */
final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {
    private final String name;
    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<V> valueSerializer;
    private final Map<K, V> map = new HashMap<>();

    HeapBroadcastState(MapStateDescriptor<K, V> descriptor) {
        this.name = descriptor.getName();
        SerializerConfig config = new SerializerConfig();
        this.keySerializer = descriptor.getKeyTypeInformation().createSerializer(config);
        this.valueSerializer = descriptor.getValueTypeInformation().createSerializer(config);
    }

    /** Adds the entries of a restored part. */
    void restore(OperatorStatePartProto part) throws IOException {
        for (ByteString element : part.getElementsList()) {
            DataInputDeserializer in = new DataInputDeserializer(element.toByteArray());
            K key = keySerializer.deserialize(in);
            map.put(key, in.readBoolean() ? valueSerializer.deserialize(in) : null);
        }
    }

    OperatorStatePartProto toPart(DataOutputSerializer out) throws IOException {
        OperatorStatePartProto.Builder b = OperatorStatePartProto.newBuilder().setName(name)
                .setMode(OperatorStatePartProto.Mode.BROADCAST);
        for (Map.Entry<K, V> e : map.entrySet()) {
            out.clear();
            keySerializer.serialize(e.getKey(), out);
            out.writeBoolean(e.getValue() != null);
            if (e.getValue() != null) {
                valueSerializer.serialize(e.getValue(), out);
            }
            b.addElements(ByteString.copyFrom(out.getSharedBuffer(), 0, out.length()));
        }
        return b.build();
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public boolean contains(K key) {
        return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
        return Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public void put(K key, V value) {
        map.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> entries) {
        map.putAll(entries);
    }

    @Override
    public void remove(K key) {
        map.remove(key);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return map.entrySet().iterator();
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return map.entrySet();
    }

    @Override
    public void clear() {
        map.clear();
    }
}

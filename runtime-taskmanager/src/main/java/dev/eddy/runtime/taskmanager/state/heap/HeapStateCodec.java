package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.ListSerializer;
import dev.eddy.api.common.typeutils.base.MapSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.core.memory.DataOutputView;
import dev.eddy.runtime.taskmanager.state.KeyGroupStateFormat;
import dev.eddy.runtime.taskmanager.state.TtlTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads, writes and copies the stored values of one heap state in the canonical format's
 * entries layout ({@link KeyGroupStateFormat}). With TTL the timestamp precedes each value,
 * list element, and map value ({@code userKey, long timestamp, boolean valueIsNull, [userValue]}).
 * A namespaced state's entries are written as key then namespace.
 *
 * <p>An instance uses its serializers from one thread: the task thread copies values with the
 * original, the async snapshot thread writes with a {@link #duplicate()}.
 */
final class HeapStateCodec<K> {
    private final String name;
    private final byte kind;
    private final boolean ttl;
    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<Object> namespaceSerializer; // null without namespaces
    private final TypeSerializer<Object> valueSerializer; // VALUE/REDUCING/AGGREGATING value, LIST element, MAP user value
    private final TypeSerializer<Object> userKeySerializer; // MAP only
    /** With TTL and cleanupFullSnapshot: the time to live; otherwise -1 (snapshots keep expired values). */
    private final long snapshotCleanupTtl;

    private HeapStateCodec(String name, byte kind, boolean ttl, TypeSerializer<K> keySerializer, TypeSerializer<Object> namespaceSerializer,
            TypeSerializer<Object> valueSerializer, TypeSerializer<Object> userKeySerializer, long snapshotCleanupTtl) {
        this.snapshotCleanupTtl = snapshotCleanupTtl;
        this.name = name;
        this.kind = kind;
        this.ttl = ttl;
        this.keySerializer = keySerializer;
        this.namespaceSerializer = namespaceSerializer;
        this.valueSerializer = valueSerializer;
        this.userKeySerializer = userKeySerializer;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    /** @param namespaceSerializer null for state without namespaces ({@code VoidNamespace}) */
    static <K> HeapStateCodec<K> forDescriptor(StateDescriptor<?, ?> descriptor, TypeSerializer<K> keySerializer,
            TypeSerializer<?> namespaceSerializer) {
        byte kind = KeyGroupStateFormat.kindOf(descriptor.getType());
        boolean ttl = descriptor.getTtlConfig() != null && descriptor.getTtlConfig().isEnabled();
        TypeSerializer<?> s = descriptor.getSerializer();
        TypeSerializer value;
        TypeSerializer userKey = null;
        if (kind == KeyGroupStateFormat.LIST) {
            value = ((ListSerializer) s).getElementSerializer();
        } else if (kind == KeyGroupStateFormat.MAP) {
            userKey = ((MapSerializer) s).getKeySerializer();
            value = ((MapSerializer) s).getValueSerializer();
        } else {
            value = s;
        }
        long cleanupTtl = ttl && descriptor.getTtlConfig().getCleanupStrategies().inFullSnapshot()
                ? TtlTime.ttlMillis(descriptor.getTtlConfig()) : -1;
        return new HeapStateCodec<>(descriptor.getName(), kind, ttl, keySerializer, (TypeSerializer) namespaceSerializer, value, userKey,
                cleanupTtl);
    }

    /** A codec with its own serializer instances, for another thread. */
    HeapStateCodec<K> duplicate() {
        return new HeapStateCodec<>(name, kind, ttl, keySerializer == null ? null : keySerializer.duplicate(),
                namespaceSerializer == null ? null : namespaceSerializer.duplicate(), valueSerializer.duplicate(),
                userKeySerializer == null ? null : userKeySerializer.duplicate(), snapshotCleanupTtl);
    }

    String name() {
        return name;
    }

    byte kind() {
        return kind;
    }

    /** The section's flags byte ({@link KeyGroupStateFormat#flags}). */
    byte flags() {
        return KeyGroupStateFormat.flags(ttl, namespaceSerializer != null);
    }

    // ------------------------------------------------------------------ copies (task thread)

    /** A copy of a stored value that shares nothing mutable with it (immutable user values are shared). */
    @SuppressWarnings("unchecked")
    Object copy(Object stored) {
        if (stored == null) {
            return null;
        }
        switch (kind) {
            case KeyGroupStateFormat.LIST: {
                List<Object> list = (List<Object>) stored;
                List<Object> out = new ArrayList<>(list.size());
                for (Object e : list) {
                    out.add(copyValue(e));
                }
                return out;
            }
            case KeyGroupStateFormat.MAP: {
                Map<Object, Object> map = (Map<Object, Object>) stored;
                Map<Object, Object> out = new HashMap<>(Math.max(16, (int) (map.size() / 0.75f) + 1));
                for (Map.Entry<Object, Object> e : map.entrySet()) {
                    out.put(e.getKey(), copyValue(e.getValue()));
                }
                return out;
            }
            default:
                return copyValue(stored);
        }
    }

    private Object copyValue(Object v) {
        if (ttl) {
            TtlValue<?> t = (TtlValue<?>) v;
            return new TtlValue<>(copyUser(t.getValue()), t.getLastAccessTimestamp());
        }
        return copyUser(v);
    }

    private Object copyUser(Object v) {
        return v == null || valueSerializer.isImmutableType() ? v : valueSerializer.copy(v);
    }

    // ------------------------------------------------------------------ writing (async thread)

    /**
     * The entries block of one key group: int numEntries, then each entry. With TTL and
     * cleanupFullSnapshot, values (list elements, map entries) expired at {@code now} are left out.
     */
    byte[] encode(KeyNamespaceMap<Object, Object> entries, long now) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(0);
        int[] n = {0};
        entries.forEach((key, namespace, value) -> {
            Object stored = snapshotCleanupTtl >= 0 ? unexpired(value, now) : value;
            if (stored != null) {
                n[0]++;
                writeEntry(key, namespace, stored, out);
            }
        });
        int end = out.getPosition();
        out.setPosition(0);
        out.writeInt(n[0]);
        out.setPosition(end);
        return n[0] == 0 ? null : out.getCopyOfBuffer();
    }

    @SuppressWarnings("unchecked")
    private void writeEntry(Object key, Object namespace, Object stored, DataOutputSerializer out) throws IOException {
        keySerializer.serialize((K) key, out);
        if (namespaceSerializer != null) {
            namespaceSerializer.serialize(namespace, out);
        }
        if (kind == KeyGroupStateFormat.LIST) {
            List<Object> list = (List<Object>) stored;
            out.writeInt(list.size());
            for (Object element : list) {
                writeValue(element, out);
            }
        } else if (kind == KeyGroupStateFormat.MAP) {
            Map<Object, Object> map = (Map<Object, Object>) stored;
            out.writeInt(map.size());
            for (Map.Entry<Object, Object> me : map.entrySet()) {
                userKeySerializer.serialize(me.getKey(), out);
                writeMapValue(me.getValue(), out);
            }
        } else {
            writeValue(stored, out);
        }
    }

    /** What of a frozen stored value is unexpired at {@code now} (new collections), or null when nothing. */
    @SuppressWarnings("unchecked")
    private Object unexpired(Object stored, long now) {
        switch (kind) {
            case KeyGroupStateFormat.LIST: {
                List<Object> kept = new ArrayList<>();
                for (Object v : (List<Object>) stored) {
                    if (!expired(v, now)) {
                        kept.add(v);
                    }
                }
                return kept.isEmpty() ? null : kept;
            }
            case KeyGroupStateFormat.MAP: {
                Map<Object, Object> kept = new HashMap<>();
                ((Map<Object, Object>) stored).forEach((k, v) -> {
                    if (!expired(v, now)) {
                        kept.put(k, v);
                    }
                });
                return kept.isEmpty() ? null : kept;
            }
            default:
                return expired(stored, now) ? null : stored;
        }
    }

    private boolean expired(Object ttlValue, long now) {
        return TtlTime.isExpired(((TtlValue<?>) ttlValue).getLastAccessTimestamp(), snapshotCleanupTtl, now);
    }

    private void writeValue(Object stored, DataOutputView out) throws IOException {
        Object v = stored;
        if (ttl) {
            TtlValue<?> t = (TtlValue<?>) stored;
            out.writeLong(t.getLastAccessTimestamp());
            v = t.getValue();
        }
        valueSerializer.serialize(v, out);
    }

    private void writeMapValue(Object stored, DataOutputView out) throws IOException {
        Object v = stored;
        if (ttl) {
            TtlValue<?> t = (TtlValue<?>) stored;
            out.writeLong(t.getLastAccessTimestamp());
            v = t.getValue();
        }
        out.writeBoolean(v == null);
        if (v != null) {
            valueSerializer.serialize(v, out);
        }
    }

    // ------------------------------------------------------------------ reading (task thread)

    /**
     * Decodes one key group's entries block into {@code table}. {@code writtenWithTtl} says whether
     * the bytes carry timestamps; when this state's TTL setting differs, timestamps are dropped or
     * the values are stamped with {@code now}.
     */
    @SuppressWarnings("unchecked")
    void decode(byte[] bytes, int keyGroup, StateTable<Object, Object> table, boolean writtenWithTtl, long now) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Object key = keySerializer.deserialize(in);
            Object namespace = namespaceSerializer == null ? null : namespaceSerializer.deserialize(in);
            Object stored;
            if (kind == KeyGroupStateFormat.LIST) {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int j = 0; j < size; j++) {
                    list.add(readValue(in, writtenWithTtl, now));
                }
                stored = list;
            } else if (kind == KeyGroupStateFormat.MAP) {
                int size = in.readInt();
                Map<Object, Object> map = new HashMap<>(Math.max(16, (int) (size / 0.75f) + 1));
                for (int j = 0; j < size; j++) {
                    Object userKey = userKeySerializer.deserialize(in);
                    map.put(userKey, readMapValue(in, writtenWithTtl, now));
                }
                stored = map;
            } else {
                stored = readValue(in, writtenWithTtl, now);
            }
            table.put(keyGroup, key, namespace, stored);
        }
        if (in.available() != 0) {
            throw new IOException(in.available() + " bytes left over after " + n + " entries of key group " + keyGroup);
        }
    }

    private Object readValue(DataInputView in, boolean writtenWithTtl, long now) throws IOException {
        long ts = writtenWithTtl ? in.readLong() : now;
        Object v = valueSerializer.deserialize(in);
        return ttl ? new TtlValue<>(v, ts) : v;
    }

    private Object readMapValue(DataInputView in, boolean writtenWithTtl, long now) throws IOException {
        long ts = writtenWithTtl ? in.readLong() : now;
        Object v = in.readBoolean() ? null : valueSerializer.deserialize(in);
        return ttl ? new TtlValue<>(v, ts) : v;
    }
}

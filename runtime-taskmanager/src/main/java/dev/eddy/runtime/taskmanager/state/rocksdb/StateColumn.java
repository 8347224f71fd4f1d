package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.runtime.state.VoidNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * One state's column family plus the backend's shared buffers: reads, writes and deletes the
 * entry of the current key and the state's current namespace (or of those and a user key). The
 * RocksDB key is key group + key [+ namespace] [+ user key]; state without namespace
 * ({@code VoidNamespace}) has no namespace bytes. The current namespace is serialized once, when
 * first needed. Task thread only.
 */
final class StateColumn {
    private final RocksDBKeyedStateBackend<?> backend;
    private final ColumnFamilyHandle handle;
    private final String stateName;
    private final TypeSerializer<Object> namespaceSerializer; // null without namespace
    private final DataOutputSerializer namespaceOut;
    private Object namespace;
    /** Whether {@link #namespaceOut} holds the serialized {@link #namespace} (serialized lazily, on the first RocksDB access). */
    private boolean namespaceSerialized;

    /** @param namespaceSerializer null for state without namespace */
    @SuppressWarnings("unchecked")
    StateColumn(RocksDBKeyedStateBackend<?> backend, ColumnFamilyHandle handle, String stateName, TypeSerializer<?> namespaceSerializer) {
        this.backend = backend;
        this.handle = handle;
        this.stateName = stateName;
        this.namespaceSerializer = (TypeSerializer<Object>) namespaceSerializer;
        this.namespaceOut = namespaceSerializer == null ? null : new DataOutputSerializer(32);
        this.namespace = namespaceSerializer == null ? VoidNamespace.INSTANCE : null;
    }

    ColumnFamilyHandle handle() {
        return handle;
    }

    String stateName() {
        return stateName;
    }

    /**
     * Scopes following accesses to {@code namespace}; null means none (accesses then fail). State
     * without namespace accepts only {@link VoidNamespace} (or null, which it ignores). The namespace
     * is serialized only when a RocksDB key is needed (a write-back cache hit needs none).
     */
    void setNamespace(Object namespace) {
        if (namespaceSerializer == null) {
            if (namespace != null && namespace != VoidNamespace.INSTANCE) {
                throw new IllegalArgumentException("State '" + stateName + "' was registered without namespace (VoidNamespace) and"
                        + " cannot be scoped to namespace '" + namespace + "'; register it with the namespace's serializer");
            }
            return;
        }
        if (namespace == this.namespace) {
            return;
        }
        this.namespace = namespace;
        this.namespaceSerialized = false;
    }

    /** The current namespace (null when none is set). */
    Object namespace() {
        return namespace;
    }

    /** Writes key group + current key + current namespace into the key buffer; returns their length. */
    int currentKeyLength() {
        int prefix = backend.requireKeyPrefix();
        if (namespaceSerializer == null) {
            return prefix;
        }
        if (namespace == null) {
            throw noNamespace();
        }
        if (!namespaceSerialized) {
            namespaceOut.clear();
            try {
                namespaceSerializer.serialize(namespace, namespaceOut);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not serialize namespace '" + namespace + "' of state '" + stateName + "'", e);
            }
            namespaceSerialized = true;
        }
        DataOutputSerializer out = backend.keyOut();
        out.setPosition(prefix);
        out.write(namespaceOut.getSharedBuffer(), 0, namespaceOut.length());
        return out.getPosition();
    }

    /** The current namespace; fails when none is set. */
    Object requireNamespace() {
        if (namespace == null) {
            throw noNamespace();
        }
        return namespace;
    }

    private IllegalStateException noNamespace() {
        return new IllegalStateException("No current namespace for state '" + stateName + "': call setCurrentNamespace before"
                + " accessing namespaced state");
    }

    /** The value bytes of the current key and namespace, or null. */
    byte[] getCurrent() {
        return get(currentKeyLength());
    }

    /** Writes {@link #valueOut()}'s content as the current key's value. */
    void putCurrent() {
        put(currentKeyLength());
    }

    /**
     * Merges {@link #valueOut()}'s content into the current key's value with the column family's
     * merge operator (list state: appends, see {@link ListFormat}).
     */
    void mergeCurrent() {
        int len = currentKeyLength();
        DataOutputSerializer v = backend.valueOut();
        try {
            backend.db().merge(handle, backend.writeOptions(), backend.keyOut().getSharedBuffer(), 0, len, v.getSharedBuffer(), 0, v.length());
        } catch (RocksDBException e) {
            throw failure("merge", e);
        }
    }

    void deleteCurrent() {
        int len = currentKeyLength();
        try {
            backend.db().delete(handle, backend.writeOptions(), backend.keyOut().getSharedBuffer(), 0, len);
        } catch (RocksDBException e) {
            throw failure("delete", e);
        }
    }

    /** Serializes {@code userKey} after the current key and namespace; returns the composite key length. */
    <UK> int writeUserKey(TypeSerializer<UK> serializer, UK userKey) {
        int prefix = currentKeyLength();
        DataOutputSerializer out = backend.keyOut();
        out.setPosition(prefix);
        try {
            serializer.serialize(userKey, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize map key '" + userKey + "' of state '" + stateName + "'", e);
        }
        return out.getPosition();
    }

    byte[] get(int keyLength) {
        try {
            return backend.db().get(handle, backend.keyOut().getSharedBuffer(), 0, keyLength);
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    void put(int keyLength) {
        DataOutputSerializer v = backend.valueOut();
        try {
            backend.db().put(handle, backend.writeOptions(), backend.keyOut().getSharedBuffer(), 0, keyLength,
                    v.getSharedBuffer(), 0, v.length());
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    void delete(int keyLength) {
        try {
            backend.db().delete(handle, backend.writeOptions(), backend.keyOut().getSharedBuffer(), 0, keyLength);
        } catch (RocksDBException e) {
            throw failure("delete", e);
        }
    }

    /** Writes {@code value} under the composite key of length {@code keyLength} in the key buffer. */
    void putRaw(int keyLength, byte[] value) {
        try {
            backend.db().put(handle, backend.writeOptions(), backend.keyOut().getSharedBuffer(), 0, keyLength, value, 0, value.length);
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    /** Writes an entry under a full RocksDB key (e.g. one an iterator returned). */
    void putRaw(byte[] key, byte[] value) {
        try {
            backend.db().put(handle, backend.writeOptions(), key, value);
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    /** Deletes the entry of a full RocksDB key (e.g. one an iterator returned). */
    void deleteRaw(byte[] key) {
        try {
            backend.db().delete(handle, backend.writeOptions(), key);
        } catch (RocksDBException e) {
            throw failure("delete", e);
        }
    }

    /** Deletes every entry whose key starts with the current key and namespace (map state). */
    void deleteCurrentPrefixRange() {
        byte[] prefix = currentPrefix();
        try {
            backend.db().deleteRange(handle, backend.writeOptions(), prefix, upperBound(prefix));
        } catch (RocksDBException e) {
            throw failure("delete range", e);
        }
    }

    /** A copy of the current key prefix (key group + key + namespace). */
    byte[] currentPrefix() {
        int len = currentKeyLength();
        return Arrays.copyOf(backend.keyOut().getSharedBuffer(), len);
    }

    /** The smallest key greater than every key starting with {@code prefix}. */
    static byte[] upperBound(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        throw new IllegalStateException("Key prefix has no upper bound (all 0xFF); key groups are < 32768 so this cannot happen");
    }

    /** An iterator positioned at {@code prefix}; the caller closes it. */
    RocksIterator seek(byte[] prefix) {
        RocksIterator it = backend.db().newIterator(handle);
        it.seek(prefix);
        return it;
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    DataOutputSerializer valueOut() {
        DataOutputSerializer v = backend.valueOut();
        v.clear();
        return v;
    }

    /** Serializes {@code value} into the cleared value buffer. */
    <T> void serializeValue(TypeSerializer<T> serializer, T value) {
        try {
            serializer.serialize(value, valueOut());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize a value of state '" + stateName + "'", e);
        }
    }

    /** An input view over {@code bytes[offset, offset+len)} (the backend's shared view). */
    DataInputDeserializer input(byte[] bytes, int offset, int len) {
        DataInputDeserializer in = backend.in();
        in.setBuffer(bytes, offset, len);
        return in;
    }

    <T> T deserialize(TypeSerializer<T> serializer, byte[] bytes) {
        try {
            return serializer.deserialize(input(bytes, 0, bytes.length));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deserialize a value of state '" + stateName + "'", e);
        }
    }

    RuntimeException failure(String what, RocksDBException e) {
        return new IllegalStateException("RocksDB " + what + " failed for state '" + stateName + "' in "
                + backend.getDirectory() + ": " + e.getMessage(), e);
    }
}

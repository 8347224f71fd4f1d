package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * One state's column family plus the backend's shared buffers: reads, writes and deletes the
 * entry of the current key (or of the current key and a user key). Task thread only.
 */
final class StateColumn {
    private final RocksDBKeyedStateBackend<?> backend;
    private final ColumnFamilyHandle handle;
    private final String stateName;

    StateColumn(RocksDBKeyedStateBackend<?> backend, ColumnFamilyHandle handle, String stateName) {
        this.backend = backend;
        this.handle = handle;
        this.stateName = stateName;
    }

    String stateName() {
        return stateName;
    }

    /** The value bytes of the current key, or null. */
    byte[] getCurrent() {
        int len = backend.requireKeyPrefix();
        return get(len);
    }

    /** Writes {@link #valueOut()}'s content as the current key's value. */
    void putCurrent() {
        put(backend.requireKeyPrefix());
    }

    void deleteCurrent() {
        int len = backend.requireKeyPrefix();
        try {
            backend.db().delete(handle, backend.writeOptions(), backend.keyOut().getSharedBuffer(), 0, len);
        } catch (RocksDBException e) {
            throw failure("delete", e);
        }
    }

    /** Serializes {@code userKey} after the current key prefix; returns the composite key length. */
    <UK> int writeUserKey(TypeSerializer<UK> serializer, UK userKey) {
        int prefix = backend.requireKeyPrefix();
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

    /** Deletes every entry whose key starts with the current key prefix (map state). */
    void deleteCurrentPrefixRange() {
        byte[] prefix = currentPrefix();
        try {
            backend.db().deleteRange(handle, backend.writeOptions(), prefix, upperBound(prefix));
        } catch (RocksDBException e) {
            throw failure("delete range", e);
        }
    }

    /** A copy of the current key prefix (key group + key). */
    byte[] currentPrefix() {
        return Arrays.copyOf(backend.keyOut().getSharedBuffer(), backend.requireKeyPrefix());
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

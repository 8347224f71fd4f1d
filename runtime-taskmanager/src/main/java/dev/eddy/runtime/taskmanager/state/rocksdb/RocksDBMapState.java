package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.runtime.state.internal.InternalMapState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.rocksdb.RocksIterator;

/**
 * {@link dev.eddy.api.common.state.MapState} in RocksDB: one entry per (key, namespace, user key);
 * the value carries a null flag byte so null values are allowed as on the heap, preceded by the
 * entry's last-access timestamp when the state has TTL. Iteration scans the prefix range of the
 * current key and namespace with a RocksDB iterator that is closed before the call returns: the
 * entries are read into memory, so iterating a very large map needs memory for it. The returned
 * iterators support {@code remove} (deletes the mapping; use it only while the same key and
 * namespace are current). With TTL an expired entry is deleted when accessed (and returned once
 * with ReturnExpiredIfNotCleanedUp); OnReadAndWrite restamps the entries read. Task thread only.
 */
final class RocksDBMapState<K, N, UK, UV> implements InternalMapState<K, N, UK, UV> {
    private final StateColumn column;
    private final TypeSerializer<UK> keySerializer;
    private final TypeSerializer<UV> valueSerializer;
    private final RocksDBTtl ttl;

    /** @param ttl null for state without TTL */
    RocksDBMapState(StateColumn column, TypeSerializer<UK> keySerializer, TypeSerializer<UV> valueSerializer, RocksDBTtl ttl) {
        this.column = column;
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
        this.ttl = ttl;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        column.setNamespace(namespace);
    }

    @Override
    public UV get(UK key) {
        Visible<UV> v = lookup(key);
        return v == null ? null : v.value();
    }

    /** A value that is visible (possibly null), as opposed to no mapping. */
    private record Visible<V>(V value) {}

    /** The visible mapping of {@code key}, or null; with TTL deletes or restamps it as the rules say. */
    private Visible<UV> lookup(UK key) {
        int keyLength = column.writeUserKey(keySerializer, key);
        byte[] bytes = column.get(keyLength);
        if (bytes == null) {
            return null;
        }
        if (ttl == null) {
            return new Visible<>(readValue(bytes, 0));
        }
        long lastAccess = readLong(bytes);
        UV value = readValue(bytes, 8);
        long now = ttl.now();
        if (ttl.isExpired(lastAccess, now)) {
            column.delete(column.writeUserKey(keySerializer, key));
            return ttl.returnExpired() ? new Visible<>(value) : null;
        }
        if (ttl.refreshOnRead()) {
            column.putRaw(column.writeUserKey(keySerializer, key), restamp(bytes, now));
        }
        return new Visible<>(value);
    }

    @Override
    public void put(UK key, UV value) {
        int keyLength = column.writeUserKey(keySerializer, key);
        writeValue(value);
        column.put(keyLength);
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        if (map != null) {
            for (Map.Entry<UK, UV> e : map.entrySet()) {
                put(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public void remove(UK key) {
        column.delete(column.writeUserKey(keySerializer, key));
    }

    @Override
    public boolean contains(UK key) {
        if (ttl == null) {
            return column.get(column.writeUserKey(keySerializer, key)) != null;
        }
        return lookup(key) != null;
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return () -> iterator(e -> e);
    }

    @Override
    public Iterable<UK> keys() {
        return () -> iterator(Map.Entry::getKey);
    }

    @Override
    public Iterable<UV> values() {
        return () -> iterator(Map.Entry::getValue);
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        return iterator(e -> e);
    }

    @Override
    public boolean isEmpty() {
        if (ttl != null) {
            return readAll().isEmpty();
        }
        byte[] prefix = column.currentPrefix();
        try (RocksIterator it = column.seek(prefix)) {
            return !(it.isValid() && StateColumn.startsWith(it.key(), prefix));
        }
    }

    @Override
    public void clear() {
        column.deleteCurrentPrefixRange();
    }

    private <R> Iterator<R> iterator(Function<Map.Entry<UK, UV>, R> view) {
        List<Map.Entry<UK, UV>> entries = readAll();
        return new Iterator<>() {
            private int next;
            private boolean removable;

            @Override
            public boolean hasNext() {
                return next < entries.size();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                removable = true;
                return view.apply(entries.get(next++));
            }

            @Override
            public void remove() {
                if (!removable) {
                    throw new IllegalStateException("remove() needs a preceding next()");
                }
                removable = false;
                RocksDBMapState.this.remove(entries.get(next - 1).getKey());
            }
        };
    }

    private List<Map.Entry<UK, UV>> readAll() {
        byte[] prefix = column.currentPrefix();
        List<Map.Entry<UK, UV>> entries = new ArrayList<>();
        List<byte[]> expired = new ArrayList<>();
        List<byte[]> restamp = new ArrayList<>();
        long now = ttl == null ? 0 : ttl.now();
        try (RocksIterator it = column.seek(prefix)) {
            for (; it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!StateColumn.startsWith(key, prefix)) {
                    break;
                }
                byte[] value = it.value();
                UV userValue = readValue(value, ttl == null ? 0 : 8);
                if (ttl != null) {
                    if (ttl.isExpired(readLong(value), now)) {
                        expired.add(key);
                        if (!ttl.returnExpired()) {
                            continue;
                        }
                    } else if (ttl.refreshOnRead()) {
                        restamp.add(key);
                        restamp.add(restamp(value, now));
                    }
                }
                UK userKey = keySerializer.deserialize(column.input(key, prefix.length, key.length - prefix.length));
                entries.add(new AbstractMap.SimpleImmutableEntry<>(userKey, userValue));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deserialize a map key of state '" + column.stateName() + "'", e);
        }
        expired.forEach(column::deleteRaw);
        for (int i = 0; i < restamp.size(); i += 2) {
            column.putRaw(restamp.get(i), restamp.get(i + 1));
        }
        return entries;
    }

    private static long readLong(byte[] b) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    /** A copy of a TTL value with its timestamp set to {@code now}. */
    private static byte[] restamp(byte[] value, long now) {
        byte[] copy = value.clone();
        for (int i = 7; i >= 0; i--) {
            copy[i] = (byte) now;
            now >>>= 8;
        }
        return copy;
    }

    private UV readValue(byte[] bytes, int offset) {
        DataInputDeserializer in = column.input(bytes, offset, bytes.length - offset);
        try {
            return in.readBoolean() ? null : valueSerializer.deserialize(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deserialize a map value of state '" + column.stateName() + "'", e);
        }
    }

    private void writeValue(UV value) {
        DataOutputSerializer out = column.valueOut();
        if (ttl != null) {
            out.writeLong(ttl.now());
        }
        out.writeBoolean(value == null);
        if (value != null) {
            try {
                valueSerializer.serialize(value, out);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not serialize a map value of state '" + column.stateName() + "'", e);
            }
        }
    }
}

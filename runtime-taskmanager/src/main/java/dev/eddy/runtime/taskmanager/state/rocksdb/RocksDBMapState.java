package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
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
 * {@link MapState} in RocksDB: one entry per (key, user key); the value carries a null flag byte so
 * null values are allowed as on the heap. Iteration scans the current key's prefix range with a
 * RocksDB iterator that is closed before the call returns: the entries are read into memory, so
 * iterating a very large map needs memory for it. The returned iterators support {@code remove}
 * (deletes the mapping; use it only while the same key is current). Task thread only.
 */
final class RocksDBMapState<UK, UV> implements MapState<UK, UV> {
    private final StateColumn column;
    private final TypeSerializer<UK> keySerializer;
    private final TypeSerializer<UV> valueSerializer;

    RocksDBMapState(StateColumn column, TypeSerializer<UK> keySerializer, TypeSerializer<UV> valueSerializer) {
        this.column = column;
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
    }

    @Override
    public UV get(UK key) {
        byte[] bytes = column.get(column.writeUserKey(keySerializer, key));
        return bytes == null ? null : readValue(bytes);
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
        return column.get(column.writeUserKey(keySerializer, key)) != null;
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
        try (RocksIterator it = column.seek(prefix)) {
            for (; it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!StateColumn.startsWith(key, prefix)) {
                    break;
                }
                UK userKey = keySerializer.deserialize(column.input(key, prefix.length, key.length - prefix.length));
                entries.add(new AbstractMap.SimpleImmutableEntry<>(userKey, readValue(it.value())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deserialize a map key of state '" + column.stateName() + "'", e);
        }
        return entries;
    }

    private UV readValue(byte[] bytes) {
        DataInputDeserializer in = column.input(bytes, 0, bytes.length);
        try {
            return in.readBoolean() ? null : valueSerializer.deserialize(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deserialize a map value of state '" + column.stateName() + "'", e);
        }
    }

    private void writeValue(UV value) {
        var out = column.valueOut();
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

package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.runtime.state.internal.InternalListState;
import dev.eddy.runtime.taskmanager.state.NamespaceMerge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@link dev.eddy.api.common.state.ListState} in RocksDB: one entry per key and namespace holding
 * the element count (4 bytes) followed by the serialized elements, each preceded by its own
 * last-access timestamp when the state has TTL. Appends copy the existing bytes without
 * deserializing them; the entry is never empty (an emptied list is deleted). {@link #get()}
 * returns a read-only copy. With TTL, reading drops expired elements from the entry (returning
 * them once with ReturnExpiredIfNotCleanedUp) and, with OnReadAndWrite, restamps the rest.
 * Task thread only.
 */
final class RocksDBListState<K, N, T> implements InternalListState<K, N, T> {
    private static final String NULL_ELEMENT = "You cannot add null to a ListState.";
    private final StateColumn column;
    private final TypeSerializer<T> elementSerializer;
    private final RocksDBTtl ttl;

    /** @param ttl null for state without TTL */
    RocksDBListState(StateColumn column, TypeSerializer<T> elementSerializer, RocksDBTtl ttl) {
        this.column = column;
        this.elementSerializer = elementSerializer;
        this.ttl = ttl;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        column.setNamespace(namespace);
    }

    @Override
    public Iterable<T> get() {
        List<T> list = read();
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    /** The visible elements (a new mutable list), or null when there are none. */
    private List<T> read() {
        byte[] bytes = column.getCurrent();
        if (bytes == null) {
            return null;
        }
        DataInputDeserializer in = column.input(bytes, 0, bytes.length);
        try {
            int n = in.readInt();
            List<T> list = new ArrayList<>(n);
            if (ttl == null) {
                for (int i = 0; i < n; i++) {
                    list.add(elementSerializer.deserialize(in));
                }
                return list;
            }
            return readWithTtl(bytes, in, n, list);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deserialize list state '" + column.stateName() + "'", e);
        }
    }

    private List<T> readWithTtl(byte[] bytes, DataInputDeserializer in, int n, List<T> visible) throws IOException {
        long now = ttl.now();
        int[] keptStart = new int[n];
        int[] keptEnd = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            long lastAccess = in.readLong();
            int start = in.getPosition();
            T element = elementSerializer.deserialize(in);
            if (!ttl.isExpired(lastAccess, now)) {
                keptStart[kept] = start;
                keptEnd[kept++] = in.getPosition();
                visible.add(element);
            } else if (ttl.returnExpired()) {
                visible.add(element);
            }
        }
        if (kept == 0) {
            column.deleteCurrent();
        } else if (kept < n || ttl.refreshOnRead()) {
            DataOutputSerializer out = column.valueOut();
            out.writeInt(kept);
            for (int i = 0; i < kept; i++) {
                long stamp = ttl.refreshOnRead() ? now : readLongAt(bytes, keptStart[i] - 8);
                out.writeLong(stamp);
                out.write(bytes, keptStart[i], keptEnd[i] - keptStart[i]);
            }
            column.putCurrent();
        }
        return visible.isEmpty() ? null : visible;
    }

    private static long readLongAt(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    @Override
    public void add(T value) {
        Objects.requireNonNull(value, NULL_ELEMENT);
        append(List.of(value));
    }

    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        requireNoNulls(values);
        DataOutputSerializer out = column.valueOut();
        out.writeInt(values.size());
        writeElements(out, values);
        column.putCurrent();
    }

    @Override
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        requireNoNulls(values);
        append(values);
    }

    private void append(List<T> values) {
        byte[] existing = column.getCurrent();
        DataOutputSerializer out = column.valueOut();
        if (existing == null) {
            out.writeInt(values.size());
        } else {
            int count = readCount(existing);
            out.writeInt(count + values.size());
            out.write(existing, 4, existing.length - 4);
        }
        writeElements(out, values);
        column.putCurrent();
    }

    private int readCount(byte[] bytes) {
        try {
            return column.input(bytes, 0, bytes.length).readInt();
        } catch (IOException e) {
            throw new UncheckedIOException("Corrupt entry of list state '" + column.stateName() + "'", e);
        }
    }

    private void writeElements(DataOutputSerializer out, List<T> values) {
        long now = ttl == null ? 0 : ttl.now();
        try {
            for (T v : values) {
                if (ttl != null) {
                    out.writeLong(now);
                }
                elementSerializer.serialize(v, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize an element of list state '" + column.stateName() + "'", e);
        }
    }

    private static <T> void requireNoNulls(List<T> values) {
        for (T v : values) {
            Objects.requireNonNull(v, NULL_ELEMENT);
        }
    }

    @Override
    public void clear() {
        column.deleteCurrent();
    }

    /** A new mutable list of the visible elements, or null when none. */
    @Override
    public List<T> getInternal() {
        return read();
    }

    @Override
    public void updateInternal(List<T> value) {
        update(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        NamespaceMerge.merge(this, (N) column.namespace(), target, sources, RocksDBListState::concat);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }
}

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
 * {@link dev.eddy.api.common.state.ListState} in RocksDB: one entry per key and namespace in
 * {@link ListFormat} (length-prefixed elements, each preceded by its last-access timestamp when the
 * state has TTL, separated by the delimiter of the column family's append merge operator).
 * {@link #add} and {@link #addAll} are RocksDB merges: they write only the new elements, never
 * reading the list, so filling a window buffer is linear instead of quadratic. {@link #update}
 * replaces the entry; the entry is never empty (an emptied list is deleted). {@link #get()}
 * returns a read-only copy. With TTL, reading drops expired elements from the entry (returning
 * them once with ReturnExpiredIfNotCleanedUp) and, with OnReadAndWrite, restamps the rest.
 *
 * <p>Without TTL, lists sit behind a write-back cache ({@link CachedValueCell} of whole lists, see
 * {@link ListValueSerializer}): {@code add} to an uncached list caches only the new elements and
 * later writes them as one merge, so filling a window buffer and reading it back at firing
 * often never touches RocksDB; {@code get} loads the list once. A list longer than
 * {@value #MAX_CACHED_ELEMENTS} elements is written back and dropped from the cache, so the cache
 * holds at most that many elements per entry. Task thread only.
 */
final class RocksDBListState<K, N, T> implements InternalListState<K, N, T> {
    private static final String NULL_ELEMENT = "You cannot add null to a ListState.";
    private final StateColumn column;
    private final TypeSerializer<T> elementSerializer;
    /** Longest list kept in the write-back cache. */
    static final int MAX_CACHED_ELEMENTS = 64;
    private final RocksDBTtl ttl;
    /** Null when the state has TTL or caches are off. */
    private final CachedValueCell<List<T>> cache;

    /** @param ttl null for state without TTL */
    RocksDBListState(StateColumn column, TypeSerializer<T> elementSerializer, RocksDBTtl ttl) {
        this(column, elementSerializer, ttl, null);
    }

    /** @param cache the write-back cache of whole lists (without TTL only), or null */
    RocksDBListState(StateColumn column, TypeSerializer<T> elementSerializer, RocksDBTtl ttl, CachedValueCell<List<T>> cache) {
        if (cache != null && ttl != null) {
            throw new IllegalArgumentException("List state '" + column.stateName() + "' has TTL and cannot be cached");
        }
        this.column = column;
        this.elementSerializer = elementSerializer;
        this.ttl = ttl;
        this.cache = cache;
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
        if (cache != null) {
            List<T> list = cache.read();
            dropIfLong(list);
            return list == null || list.isEmpty() ? null : list;
        }
        byte[] bytes = column.getCurrent();
        if (bytes == null) {
            return null;
        }
        try {
            return ttl == null ? readAll(bytes) : readWithTtl(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deserialize list state '" + column.stateName() + "'", e);
        }
    }

    private List<T> readAll(byte[] bytes) throws IOException {
        List<T> list = new ArrayList<>();
        ListFormat.Cursor c = new ListFormat.Cursor(bytes);
        while (c.next()) {
            list.add(deserializeElement(bytes, c.start(), c.length()));
        }
        return list;
    }

    /** Deserializes one payload (without timestamp) and checks that the serializer read all of it. */
    private T deserializeElement(byte[] bytes, int start, int length) throws IOException {
        DataInputDeserializer in = column.input(bytes, start, length);
        T element = elementSerializer.deserialize(in);
        if (in.available() != 0) {
            throw new IOException("the element serializer left " + in.available() + " of " + length + " bytes of an element unread;"
                    + " the descriptor must use the serializer the state was written with");
        }
        return element;
    }

    private List<T> readWithTtl(byte[] bytes) throws IOException {
        long now = ttl.now();
        List<T> visible = new ArrayList<>();
        List<int[]> kept = new ArrayList<>();
        int total = 0;
        ListFormat.Cursor c = new ListFormat.Cursor(bytes);
        while (c.next()) {
            total++;
            if (c.length() < 8) {
                throw new IOException("a list element with TTL has " + c.length() + " bytes, fewer than its timestamp");
            }
            long lastAccess = readLongAt(bytes, c.start());
            T element = deserializeElement(bytes, c.start() + 8, c.length() - 8);
            if (!ttl.isExpired(lastAccess, now)) {
                kept.add(new int[] {c.start(), c.length()});
                visible.add(element);
            } else if (ttl.returnExpired()) {
                visible.add(element);
            }
        }
        if (kept.isEmpty()) {
            column.deleteCurrent();
        } else if (kept.size() < total || ttl.refreshOnRead()) {
            DataOutputSerializer out = column.valueOut();
            for (int i = 0; i < kept.size(); i++) {
                int[] payload = kept.get(i);
                if (i > 0) {
                    out.writeByte(ListFormat.DELIMITER);
                }
                int lengthPosition = ListFormat.beginElement(out);
                out.writeLong(ttl.refreshOnRead() ? now : readLongAt(bytes, payload[0]));
                out.write(bytes, payload[0] + 8, payload[1] - 8);
                ListFormat.endElement(out, lengthPosition);
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

    /** Keeps the cache's entries short: a long cached list is written back and dropped. */
    private void dropIfLong(List<T> cached) {
        if (cached != null && cached.size() > MAX_CACHED_ELEMENTS) {
            cache.writeBackAndDropCurrent();
        }
    }

    /** Appends copies of {@code values} through the cache (nothing is read from RocksDB). */
    private void mergeCached(List<T> values) {
        List<T> delta = ListValueSerializer.copyOf(values, elementSerializer);
        dropIfLong(cache.mergeInternal(delta));
    }

    @Override
    public void add(T value) {
        Objects.requireNonNull(value, NULL_ELEMENT);
        if (cache != null) {
            mergeCached(List.of(value));
            return;
        }
        writeElements(column.valueOut(), List.of(value));
        column.mergeCurrent();
    }

    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        requireNoNulls(values);
        if (cache != null) {
            List<T> copy = ListValueSerializer.copyOf(values, elementSerializer);
            cache.writeInternal(copy);
            dropIfLong(copy);
            return;
        }
        writeElements(column.valueOut(), values);
        column.putCurrent();
    }

    @Override
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        requireNoNulls(values);
        if (cache != null) {
            mergeCached(values);
            return;
        }
        writeElements(column.valueOut(), values);
        column.mergeCurrent();
    }

    /** Writes {@code values} in {@link ListFormat} (delimiters between them, none around). */
    private void writeElements(DataOutputSerializer out, List<T> values) {
        try {
            ListFormat.writeElements(out, values, elementSerializer, ttl != null, ttl == null ? 0 : ttl.now());
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
        if (cache != null) {
            cache.delete();
            return;
        }
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

package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.util.PairHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.BinaryOperator;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * A bounded write-back cache in front of one value, reducing or aggregating state without TTL:
 * (current key, namespace) → deserialized value, clean or dirty, where a dirty null is a pending
 * delete and a clean null a value known to be absent. Reads that miss load the value from RocksDB
 * once; writes and deletes only touch the cache until the entry is evicted or flushed. A hit
 * serializes nothing and allocates nothing: entries are found by the key's and namespace's
 * {@code equals}/{@code hashCode} (the identity of the last entry is checked first, as operators
 * touch the same key and window several times per record), and the RocksDB key is serialized only
 * when an entry is created.
 *
 * <p>Eviction is CLOCK (a reference bit per entry, set on every hit): when the cache is full a
 * burst of entries is evicted and their dirty values are written to RocksDB in one
 * {@link WriteBatch}. {@link #flush()} writes every dirty entry (keeping them cached, now clean);
 * the backend calls it before anything reads RocksDB directly: snapshots, key scans. Dropping the
 * cache (dispose) loses unflushed writes, which is what disposing means.
 *
 * <p>User reads ({@link #read()}) return a copy of mutable values and user writes ({@link #write})
 * store a copy, so callers see RocksDB's semantics; internal access shares the cached object.
 *
 * <p>Merges (list state, constructed with a merger): {@link #mergeInternal} on an uncached entry
 * caches only the delta, without reading RocksDB ("pending merge"); further merges grow the delta
 * with the merger. Writing the entry back is then a RocksDB merge of the delta (the column family's
 * merge operator must combine serialized values as the merger combines objects), after which the
 * entry is dropped. Reading a pending entry loads RocksDB's value and merges the delta into it.
 *
 * <p>Task thread only, like the backend: no locks.
 */
final class CachedValueCell<T> implements ValueCell<T> {
    /** At most this many entries are evicted (and written in one batch) at a time. */
    private static final int MAX_BURST = 256;

    private final RocksDBKeyedStateBackend<?> backend;
    private final StateColumn column;
    private final TypeSerializer<T> serializer;
    /** Combines a stored value with a delta (may mutate and return the stored one); null when merges are not supported. */
    private final BinaryOperator<T> merger;
    private final boolean immutable;
    private final int capacity;
    private final int burst;
    private final Entry[] buckets;
    private final int mask;
    /** Entries by slot, the CLOCK ring; slots below {@link #allocated} have an entry object (live or free). */
    private final Entry[] ring;
    private final int[] freeSlots;
    private int freeCount;
    private int allocated;
    private int hand;
    private int dirtyCount;
    /** The entry of the last access, checked by identity before hashing. */
    private Entry last;

    /** @param capacity the maximum number of cached (key, namespace) entries; > 0 */
    CachedValueCell(RocksDBKeyedStateBackend<?> backend, StateColumn column, TypeSerializer<T> serializer, int capacity) {
        this(backend, column, serializer, capacity, null);
    }

    /** @param merger how {@link #mergeInternal} combines a value with a delta, matching the column's merge operator; null for none */
    CachedValueCell(RocksDBKeyedStateBackend<?> backend, StateColumn column, TypeSerializer<T> serializer, int capacity,
            BinaryOperator<T> merger) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("A write-back cache needs a capacity > 0, was " + capacity);
        }
        this.backend = backend;
        this.column = column;
        this.serializer = serializer;
        this.merger = merger;
        this.immutable = serializer.isImmutableType();
        this.capacity = capacity;
        this.burst = Math.max(1, Math.min(MAX_BURST, capacity / 8));
        int tableSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        this.buckets = new Entry[tableSize];
        this.mask = tableSize - 1;
        this.ring = new Entry[capacity];
        this.freeSlots = new int[capacity];
    }

    @Override
    public StateColumn column() {
        return column;
    }

    @Override
    public T read() {
        T value = readInternal();
        return value == null || immutable ? value : serializer.copy(value);
    }

    @Override
    public T readInternal() {
        Entry e = entry(true);
        if (e.pendingMerge) {
            resolvePendingMerge(e);
        }
        return asT(e.value);
    }

    /** Makes a pending entry whole: RocksDB's value with the cached delta merged into it (stays dirty). */
    private void resolvePendingMerge(Entry e) {
        byte[] bytes = column.get(column.currentKeyLength());
        T delta = asT(e.value);
        e.value = bytes == null ? delta : merger.apply(column.deserialize(serializer, bytes), delta);
        e.pendingMerge = false;
    }

    /**
     * Merges {@code delta} into the current key's value without reading RocksDB when it is not
     * cached (see the class comment); the cell may keep {@code delta} itself. Returns the cached
     * result: the whole value, or only the pending delta when RocksDB's value was not read.
     */
    T mergeInternal(T delta) {
        if (merger == null) {
            throw new IllegalStateException("State '" + column.stateName() + "' does not merge values");
        }
        Object key = backend.requireCurrentKey();
        Object namespace = column.requireNamespace();
        Entry e = find(key, namespace);
        if (e == null) {
            e = insert(key, namespace, false);
            e.pendingMerge = true;
            e.value = delta;
        } else {
            e.value = e.value == null ? delta : merger.apply(asT(e.value), delta);
        }
        markDirty(e);
        return asT(e.value);
    }

    /** Writes the current key's entry back if dirty and drops it from the cache (e.g. a value grown too big to keep). */
    void writeBackAndDropCurrent() {
        Entry e = find(backend.requireCurrentKey(), column.requireNamespace());
        if (e == null) {
            return;
        }
        if (e.dirty) {
            WriteBatch batch = backend.cacheBatch();
            addToBatch(batch, e);
            backend.writeCacheBatch(batch, column);
        }
        drop(e);
    }

    @Override
    public void write(T value) {
        writeInternal(immutable ? value : serializer.copy(value));
    }

    @Override
    public void writeInternal(T value) {
        store(entry(false), value);
    }

    @Override
    public void delete() {
        store(entry(false), null);
    }

    /** Number of cached entries, for tests. */
    int size() {
        return allocated - freeCount;
    }

    /** Number of entries whose value RocksDB does not have yet, for tests. */
    int dirtyCount() {
        return dirtyCount;
    }

    /** Writes every dirty entry to RocksDB in one batch; the entries stay cached, clean. */
    void flush() {
        if (dirtyCount == 0) {
            return;
        }
        WriteBatch batch = backend.cacheBatch();
        for (int i = 0; i < allocated; i++) {
            Entry e = ring[i];
            if (e.live && e.dirty) {
                boolean merged = e.pendingMerge;
                addToBatch(batch, e);
                if (merged) {
                    drop(e); // its delta is in RocksDB now; the cached delta would be merged twice
                }
            }
        }
        backend.writeCacheBatch(batch, column);
    }

    private void store(Entry e, Object value) {
        e.value = value;
        e.pendingMerge = false;
        markDirty(e);
    }

    private void markDirty(Entry e) {
        if (!e.dirty) {
            e.dirty = true;
            dirtyCount++;
        }
    }

    /** The live entry of {@code key} and {@code namespace}, or null; no loading, no insertion. */
    private Entry find(Object key, Object namespace) {
        Entry e = last;
        if (e != null && e.live && e.key == key && e.namespace == namespace) {
            e.referenced = true;
            return e;
        }
        int hash = hash(key, namespace);
        for (e = buckets[hash & mask]; e != null; e = e.next) {
            if (e.hash == hash && e.key.equals(key) && e.namespace.equals(namespace)) {
                e.referenced = true;
                last = e;
                return e;
            }
        }
        return null;
    }

    /** The entry of the current key and namespace, created on a miss (loading RocksDB's value when {@code load}). */
    private Entry entry(boolean load) {
        Object key = backend.requireCurrentKey();
        Object namespace = column.requireNamespace();
        Entry e = find(key, namespace);
        return e != null ? e : insert(key, namespace, load);
    }

    private Entry insert(Object key, Object namespace, boolean load) {
        int hash = hash(key, namespace);
        int keyLength = column.currentKeyLength();
        byte[] rocksKey = Arrays.copyOf(backend.keyOut().getSharedBuffer(), keyLength);
        Object value = null;
        if (load) {
            byte[] bytes = column.get(keyLength);
            value = bytes == null ? null : column.deserialize(serializer, bytes);
        }
        Entry e = freeEntry();
        e.key = key;
        e.namespace = namespace;
        e.hash = hash;
        e.rocksKey = rocksKey;
        e.value = value;
        e.dirty = false;
        e.pendingMerge = false;
        e.referenced = false;
        e.live = true;
        int bucket = hash & mask;
        e.next = buckets[bucket];
        buckets[bucket] = e;
        last = e;
        return e;
    }

    private Entry freeEntry() {
        if (freeCount == 0) {
            if (allocated < capacity) {
                Entry e = new Entry(allocated);
                ring[allocated++] = e;
                return e;
            }
            evictBurst();
        }
        return ring[freeSlots[--freeCount]];
    }

    /** Evicts {@link #burst} entries by CLOCK, writing the dirty ones in one batch. */
    private void evictBurst() {
        WriteBatch batch = null;
        int evicted = 0;
        while (evicted < burst) {
            Entry e = ring[hand];
            hand = hand + 1 == capacity ? 0 : hand + 1;
            if (!e.live) {
                continue;
            }
            if (e.referenced) {
                e.referenced = false;
                continue;
            }
            if (e.dirty) {
                if (batch == null) {
                    batch = backend.cacheBatch();
                }
                addToBatch(batch, e);
            }
            drop(e);
            evicted++;
        }
        if (batch != null) {
            backend.writeCacheBatch(batch, column);
        }
    }

    private void addToBatch(WriteBatch batch, Entry e) {
        try {
            if (e.value == null) {
                batch.delete(column.handle(), e.rocksKey);
            } else {
                DataOutputSerializer out = backend.cacheValueOut();
                out.clear();
                serializer.serialize(asT(e.value), out);
                if (e.pendingMerge) {
                    batch.merge(column.handle(), e.rocksKey, out.getCopyOfBuffer());
                } else {
                    batch.put(column.handle(), e.rocksKey, out.getCopyOfBuffer());
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not serialize a cached value of state '" + column.stateName() + "' for RocksDB", ex);
        } catch (RocksDBException ex) {
            throw column.failure("batch write", ex);
        }
        e.dirty = false;
        dirtyCount--;
    }

    @SuppressWarnings("unchecked")
    private T asT(Object value) {
        return (T) value;
    }

    /** Unlinks a live entry and frees its slot. */
    private void drop(Entry e) {
        unlink(e);
        freeSlots[freeCount++] = e.slot;
    }

    private void unlink(Entry e) {
        int bucket = e.hash & mask;
        Entry prev = null;
        for (Entry c = buckets[bucket]; c != null; prev = c, c = c.next) {
            if (c == e) {
                if (prev == null) {
                    buckets[bucket] = c.next;
                } else {
                    prev.next = c.next;
                }
                break;
            }
        }
        e.live = false;
        e.next = null;
        e.key = null;
        e.namespace = null;
        e.value = null;
        e.rocksKey = null;
        e.pendingMerge = false;
    }

    private static int hash(Object key, Object namespace) {
        return PairHash.of(key, namespace);
    }

    /** One cached (key, namespace); reused for another after eviction. */
    private static final class Entry {
        final int slot;
        Object key;
        Object namespace;
        int hash;
        byte[] rocksKey;
        Object value;
        boolean dirty;
        /** {@link #value} is only a delta still to be merged into RocksDB's value (see the class comment). */
        boolean pendingMerge;
        boolean referenced;
        boolean live;
        Entry next;

        Entry(int slot) {
            this.slot = slot;
        }
    }
}

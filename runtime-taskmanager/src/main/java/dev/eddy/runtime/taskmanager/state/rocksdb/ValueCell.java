package dev.eddy.runtime.taskmanager.state.rocksdb;

/**
 * The single value of the current key and namespace behind value, reducing and aggregating state:
 * either straight in RocksDB ({@link SingleValueCell}) or behind a write-back cache
 * ({@link CachedValueCell}). "User" reads and writes keep RocksDB's semantics: the caller owns what
 * {@link #read()} returns, and mutating an object after {@link #write} does not change the state.
 * "Internal" reads and writes (reduce and aggregate steps, window merges) may share the stored
 * object: the caller either does not mutate it or stores the result again. Task thread only.
 */
interface ValueCell<T> {
    StateColumn column();

    /** The visible value, or null; the caller may mutate it freely. */
    T read();

    /** The visible value, or null; possibly the stored object itself (mutate only to store it again). */
    T readInternal();

    /** Stores {@code value} (not null); later mutations of {@code value} do not change the state. */
    void write(T value);

    /** Stores {@code value} (not null); the cell may keep the object itself. */
    void writeInternal(T value);

    void delete();
}

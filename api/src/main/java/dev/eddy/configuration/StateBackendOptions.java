package dev.eddy.configuration;

/** Options for the keyed state backend (Flink's key names). */
public final class StateBackendOptions {
    private StateBackendOptions() {}

    /** Which keyed state backend tasks use: "hashmap" (heap, default) or "rocksdb"; case-insensitive. */
    public static final ConfigOption<String> STATE_BACKEND = ConfigOptions.key("state.backend.type").stringType().defaultValue("hashmap")
            .withDescription("The keyed state backend: 'hashmap' keeps state on the heap, 'rocksdb' in an embedded RocksDB per subtask.");

    /**
     * Capacity, in (key, namespace) entries, of the write-back cache in front of each RocksDB value,
     * reducing and aggregating state without TTL, per subtask; 0 turns the caches off. Eddy-only.
     */
    public static final ConfigOption<Integer> ROCKSDB_WRITE_BACK_CACHE_ENTRIES = ConfigOptions.key("state.backend.rocksdb.write-back-cache.entries")
            .intType().defaultValue(16384)
            .withDescription("Entries of the write-back cache in front of each RocksDB value/reducing/aggregating state without TTL,"
                    + " per subtask (deserialized values, written to RocksDB on eviction and before snapshots); 0 turns it off.");
}

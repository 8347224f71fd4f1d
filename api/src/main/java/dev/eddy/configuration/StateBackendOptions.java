package dev.eddy.configuration;

/** Options for the keyed state backend (Flink's key names). */
public final class StateBackendOptions {
    private StateBackendOptions() {}

    /** Which keyed state backend tasks use: "hashmap" (heap, default) or "rocksdb"; case-insensitive. */
    public static final ConfigOption<String> STATE_BACKEND = ConfigOptions.key("state.backend.type").stringType().defaultValue("hashmap")
            .withDescription("The keyed state backend: 'hashmap' keeps state on the heap, 'rocksdb' in an embedded RocksDB per subtask.");
}

package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.runtime.taskmanager.state.KeyGroupStateFormat;
import java.nio.ByteBuffer;

/**
 * What the catalog (the default column family) records about one state's column family: its
 * canonical kind byte, its section flags ({@link KeyGroupStateFormat#FLAG_TTL},
 * {@link KeyGroupStateFormat#FLAG_NAMESPACED}) and, for namespaced state, the namespace
 * serializer's fixed length (-1 when variable). The length lets a snapshot split map-state keys
 * into (key, namespace) and user key while the state is not registered yet (after an incremental
 * restore). Stored as one byte (the kind) when there are no flags, so catalogs of state without
 * namespace and TTL are as before; otherwise {@code kind, flags, int namespaceLength}. Immutable.
 */
record ColumnMeta(byte kind, byte flags, int namespaceLength) {
    /** Meta of state without namespace and TTL. */
    static ColumnMeta plain(byte kind) {
        return new ColumnMeta(kind, (byte) 0, 0);
    }

    boolean namespaced() {
        return KeyGroupStateFormat.isNamespaced(flags);
    }

    boolean ttl() {
        return KeyGroupStateFormat.hasTtl(flags);
    }

    byte[] toBytes() {
        if (flags == 0) {
            return new byte[] {kind};
        }
        return ByteBuffer.allocate(6).put(kind).put(flags).putInt(namespaceLength).array();
    }

    /** @throws IllegalStateException for a catalog value this version cannot read */
    static ColumnMeta fromBytes(byte[] bytes, String stateName) {
        if (bytes.length == 1) {
            return plain(bytes[0]);
        }
        if (bytes.length != 6) {
            throw new IllegalStateException("The catalog entry of state '" + stateName + "' has " + bytes.length + " bytes; it was"
                    + " written by an incompatible version of the RocksDB state backend");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte kind = b.get();
        byte flags = KeyGroupStateFormat.checkFlags(b.get(), stateName);
        return new ColumnMeta(kind, flags, b.getInt());
    }

    /** "LIST (with TTL, namespaced)" for messages. */
    String describe(String stateName) {
        return KeyGroupStateFormat.typeOf(kind, stateName) + " (" + KeyGroupStateFormat.describeFlags(flags) + ")";
    }
}

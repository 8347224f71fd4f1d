package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.runtime.state.KeyGroupRange;
import java.io.IOException;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

/**
 * Walks one state's column family over the backend's key-group range and reports every key that
 * has a visible entry in one namespace, once per key: RocksDB keys are key group (2 bytes) + key +
 * namespace bytes [+ map user key], so the entries of one (key, namespace) are adjacent and a map
 * state's entries of one key are reported once. Entries of other namespaces are skipped; with TTL
 * so is a key whose values (list elements, map values) have all expired. Reading only: expired
 * values are not removed and timestamps are not refreshed.
 *
 * <p>The RocksDB iterator reads a consistent view of the column as of the start of the scan, so the
 * visitor may write and delete entries (of the key it is given) while the scan goes on; keys it
 * adds are not reported. The visitor of a key runs once the scan has read all of that key's
 * entries. Task thread only; uses its own input views, not the backend's shared buffers.
 */
final class AllKeysScan<K> {
    /** Receives each key with a visible entry; may use the backend (set the current key, access state). */
    interface Visitor<K> {
        void visit(K key) throws Exception;
    }

    private final RocksDB db;
    private final ColumnFamilyHandle column;
    private final String stateName;
    private final TypeSerializer<K> keySerializer;
    private final KeyGroupRange range;
    private final byte[] namespaceBytes;
    private final boolean mapState;
    private final boolean listState;
    private final RocksDBTtl ttl;
    private final DataInputDeserializer keyIn = new DataInputDeserializer();
    private final DataInputDeserializer valueIn = new DataInputDeserializer();

    /**
     * @param namespaceBytes the serialized namespace (empty for {@code VoidNamespace})
     * @param ttl null for state without TTL
     */
    AllKeysScan(RocksDB db, ColumnFamilyHandle column, String stateName, TypeSerializer<K> keySerializer, KeyGroupRange range,
            byte[] namespaceBytes, boolean mapState, boolean listState, RocksDBTtl ttl) {
        this.db = db;
        this.column = column;
        this.stateName = stateName;
        this.keySerializer = keySerializer;
        this.range = range;
        this.namespaceBytes = namespaceBytes;
        this.mapState = mapState;
        this.listState = listState;
        this.ttl = ttl;
    }

    /** Scans the column; an exception of the visitor ends the scan and is rethrown. */
    void run(Visitor<K> visitor) throws Exception {
        byte[] end = KeyGroupPrefixes.keyGroupPrefix(range.getEndKeyGroup() + 1);
        byte[] pendingPrefix = null;
        K pendingKey = null;
        boolean pendingVisible = false;
        try (RocksIterator it = db.newIterator(column)) {
            for (it.seek(KeyGroupPrefixes.keyGroupPrefix(range.getStartKeyGroup())); it.isValid(); it.next()) {
                byte[] rocksKey = it.key();
                if (Arrays.compareUnsigned(rocksKey, end) >= 0) {
                    break;
                }
                keyIn.setBuffer(rocksKey, 2, rocksKey.length - 2);
                K key = keySerializer.deserialize(keyIn);
                int prefixLength = keyIn.getPosition() + namespaceBytes.length;
                if (!inNamespace(rocksKey, keyIn.getPosition(), prefixLength)) {
                    continue;
                }
                boolean sameKey = pendingPrefix != null
                        && Arrays.equals(rocksKey, 0, prefixLength, pendingPrefix, 0, pendingPrefix.length);
                if (!sameKey) {
                    if (pendingVisible) {
                        visitor.visit(pendingKey);
                    }
                    pendingPrefix = Arrays.copyOf(rocksKey, prefixLength);
                    pendingKey = key;
                    pendingVisible = false;
                }
                if (!pendingVisible) {
                    pendingVisible = visible(it.value());
                }
            }
            it.status();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the keys of state '" + stateName + "' in RocksDB: the key serializer"
                    + " does not read what was written; did the key type change?", e);
        }
        if (pendingVisible) {
            visitor.visit(pendingKey);
        }
    }

    /** Whether the namespace bytes follow the key at {@code keyEnd} (and, except for map state, end the RocksDB key). */
    private boolean inNamespace(byte[] rocksKey, int keyEnd, int prefixLength) {
        if (rocksKey.length < prefixLength || (!mapState && rocksKey.length != prefixLength)) {
            return false;
        }
        return Arrays.equals(rocksKey, keyEnd, prefixLength, namespaceBytes, 0, namespaceBytes.length);
    }

    /** Without TTL every entry is visible; with TTL while its value (or a list element) is unexpired. */
    private boolean visible(byte[] value) throws IOException {
        if (ttl == null) {
            return true;
        }
        long now = ttl.now();
        if (!listState) {
            valueIn.setBuffer(value, 0, value.length);
            return !ttl.isExpired(valueIn.readLong(), now);
        }
        ListFormat.Cursor elements = new ListFormat.Cursor(value);
        while (elements.next()) {
            valueIn.setBuffer(value, elements.start(), elements.length());
            if (!ttl.isExpired(valueIn.readLong(), now)) {
                return true;
            }
        }
        return false;
    }
}

package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.state.KeyGroupStateFormat;
import java.io.IOException;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Writes kept canonical sections ({@link KeyGroupStateFormat}) of one state into its column family,
 * in this backend's layout: key = key group (2 bytes) + key [+ namespace] [+ user key];
 * VALUE/REDUCING/AGGREGATING value = [ts] + the serialized value, LIST value in {@link ListFormat}
 * (the canonical elements {@code [ts] + element}, each length-prefixed, delimiter-separated), MAP value = [ts] + boolean isNull + [value], where {@code ts} is the long last-access
 * timestamp of state with TTL. The descriptor's serializers find where each value ends; the bytes
 * are copied, not re-encoded. Timestamps in the sections are kept when the state has TTL, dropped
 * when it has not; values without one get {@code now} when the state has TTL. For MAP the
 * canonical timestamp sits between the user key and the null flag, as in this layout. Task thread only.
 *
 * @param key the backend's key serializer
 * @param namespace the namespace serializer of namespaced state; null without namespace
 * @param value VALUE/REDUCING/AGGREGATING: the value serializer; LIST: the element serializer; MAP: the user value serializer
 * @param userKey MAP: the user key serializer; otherwise null
 * @param ttl whether the registered state has TTL (its values carry timestamps)
 * @param now the timestamp of values restored without one into state with TTL
 */
record CanonicalDecoder(String stateName, byte kind, TypeSerializer<?> key, TypeSerializer<?> namespace, TypeSerializer<?> value,
        TypeSerializer<?> userKey, int maxParallelism, boolean ttl, long now) {
    private static final int BATCH_ENTRIES = 1024;

    /** Decodes every section of {@code state} into {@code column}. */
    void decodeInto(RocksDB db, ColumnFamilyHandle column, WriteOptions writeOptions, PendingStates.PendingState state)
            throws IOException, RocksDBException {
        DataOutputSerializer keyOut = new DataOutputSerializer(64);
        DataOutputSerializer valueOut = new DataOutputSerializer(256);
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<Integer, PendingStates.Section> e : state.sections().entrySet()) {
                PendingStates.Section section = e.getValue();
                DataInputDeserializer in = new DataInputDeserializer(section.entries());
                int numEntries = in.readInt();
                for (int i = 0; i < numEntries; i++) {
                    readEntry(in, section.entries(), e.getKey(), KeyGroupStateFormat.hasTtl(section.flags()), keyOut, valueOut, batch, column);
                    if (batch.count() >= BATCH_ENTRIES) {
                        db.write(writeOptions, batch);
                        batch.clear();
                    }
                }
                if (in.available() != 0) {
                    throw new IOException(in.available() + " bytes left over after " + numEntries + " entries");
                }
            }
            db.write(writeOptions, batch);
        } catch (IOException | RuntimeException e) {
            throw new IOException("Could not decode restored " + KeyGroupStateFormat.typeOf(kind, stateName) + " state '" + stateName
                    + "' with the registered descriptor's serializers (" + e.getMessage()
                    + "); the descriptor must use the serializers the state was written with", e);
        }
    }

    private void readEntry(DataInputDeserializer in, byte[] bytes, int keyGroup, boolean writtenWithTtl, DataOutputSerializer keyOut,
            DataOutputSerializer valueOut, WriteBatch batch, ColumnFamilyHandle column) throws IOException, RocksDBException {
        int keyStart = in.getPosition();
        Object k = key.deserialize(in);
        int actualGroup = KeyGroupRangeAssignment.assignToKeyGroup(k, maxParallelism);
        if (actualGroup != keyGroup) {
            throw new IllegalStateException("key '" + k + "' is stored in key group " + keyGroup + " but belongs to key group " + actualGroup
                    + " at max parallelism " + maxParallelism + "; the max parallelism must not change between snapshot and restore");
        }
        keyOut.clear();
        keyOut.writeShort(keyGroup);
        keyOut.write(bytes, keyStart, in.getPosition() - keyStart);
        if (namespace != null) {
            copyOne(in, namespace, keyOut, bytes);
        }
        valueOut.clear();
        switch (kind) {
            case KeyGroupStateFormat.VALUE:
            case KeyGroupStateFormat.REDUCING:
            case KeyGroupStateFormat.AGGREGATING:
                timestamp(in, writtenWithTtl, valueOut);
                copyOne(in, value, valueOut, bytes);
                batch.put(column, keyOut.getCopyOfBuffer(), valueOut.getCopyOfBuffer());
                break;
            case KeyGroupStateFormat.LIST: {
                int n = in.readInt();
                for (int j = 0; j < n; j++) {
                    if (j > 0) {
                        valueOut.writeByte(ListFormat.DELIMITER);
                    }
                    int lengthPosition = ListFormat.beginElement(valueOut);
                    timestamp(in, writtenWithTtl, valueOut);
                    copyOne(in, value, valueOut, bytes);
                    ListFormat.endElement(valueOut, lengthPosition);
                }
                if (n == 0) {
                    break; // an empty list is no entry
                }
                batch.put(column, keyOut.getCopyOfBuffer(), valueOut.getCopyOfBuffer());
                break;
            }
            case KeyGroupStateFormat.MAP:
                readMap(in, writtenWithTtl, keyOut, valueOut, batch, column, bytes);
                break;
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private void readMap(DataInputDeserializer in, boolean writtenWithTtl, DataOutputSerializer keyOut, DataOutputSerializer valueOut, WriteBatch batch,
            ColumnFamilyHandle column, byte[] bytes) throws IOException, RocksDBException {
        int prefixLength = keyOut.length();
        int n = in.readInt();
        for (int j = 0; j < n; j++) {
            keyOut.setPosition(prefixLength);
            copyOne(in, userKey, keyOut, bytes);
            valueOut.clear();
            timestamp(in, writtenWithTtl, valueOut);
            boolean isNull = in.readBoolean();
            valueOut.writeBoolean(isNull);
            if (!isNull) {
                copyOne(in, value, valueOut, bytes);
            }
            batch.put(column, keyOut.getCopyOfBuffer(), valueOut.getCopyOfBuffer());
        }
    }

    /** Finds the end of one serialized value with {@code serializer} and copies its bytes to {@code out}. */
    private static void copyOne(DataInputDeserializer in, TypeSerializer<?> serializer, DataOutputSerializer out, byte[] bytes) throws IOException {
        int start = in.getPosition();
        serializer.deserialize(in);
        out.write(bytes, start, in.getPosition() - start);
    }

    /** Moves a value's timestamp from the section to {@code out} as the registered state needs it. */
    private void timestamp(DataInputDeserializer in, boolean writtenWithTtl, DataOutputSerializer out) throws IOException {
        long ts = writtenWithTtl ? in.readLong() : now;
        if (ttl) {
            out.writeLong(ts);
        }
    }
}

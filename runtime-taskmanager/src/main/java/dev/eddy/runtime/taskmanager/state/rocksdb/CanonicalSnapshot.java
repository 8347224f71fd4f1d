package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOutputStream;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.state.KeyGroupStateFormat;
import dev.eddy.runtime.taskmanager.state.TtlTime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksIterator;

/**
 * The async part of a canonical snapshot: opens the native checkpoint the synchronous part made
 * read-only, writes every key group of the backend's range in {@link KeyGroupStateFormat} (flags
 * from the catalog; expired TTL values left out with cleanupFullSnapshot) plus the kept sections
 * of restored states not registered yet, and deletes the native
 * checkpoint. Runs once on an async snapshot thread; touches nothing of the live instance.
 */
final class CanonicalSnapshot implements AsyncSnapshot<KeyedStateHandleProto> {
    private final Path checkpointDirectory;
    private final CheckpointStreamFactory streams;
    private final KeyGroupRange range;
    private final TypeSerializer<?> keySerializer;
    private final Map<String, PendingStates.PendingState> pending;
    private final Map<String, TypeSerializer<?>> namespaceSerializers;
    private final Map<String, TtlCleanup> ttlCleanups;
    private final String nameHint;

    /**
     * @param keySerializer a duplicate for this thread
     * @param namespaceSerializers duplicates for this thread of the namespace serializers of the registered namespaced states
     * @param ttlCleanups the registered TTL states with cleanupFullSnapshot (states not registered keep expired values)
     */
    CanonicalSnapshot(Path checkpointDirectory, CheckpointStreamFactory streams, KeyGroupRange range, TypeSerializer<?> keySerializer,
            Map<String, PendingStates.PendingState> pending, Map<String, TypeSerializer<?>> namespaceSerializers,
            Map<String, TtlCleanup> ttlCleanups, String nameHint) {
        this.ttlCleanups = ttlCleanups;
        this.checkpointDirectory = checkpointDirectory;
        this.streams = streams;
        this.range = range;
        this.keySerializer = keySerializer;
        this.pending = pending;
        this.namespaceSerializers = namespaceSerializers;
        this.nameHint = nameHint;
    }

    @Override
    public KeyedStateHandleProto run() throws Exception {
        try (DBOptions dbOptions = new DBOptions();
                ColumnFamilyOptions cfOptions = ListFormat.withMergeOperator(new ColumnFamilyOptions());
                NativeDb source = NativeDb.openReadOnly(checkpointDirectory, dbOptions, cfOptions)) {
            return write(source);
        } finally {
            LocalFiles.deleteQuietly(checkpointDirectory);
        }
    }

    @Override
    public void discard() {
        LocalFiles.deleteQuietly(checkpointDirectory);
    }

    private KeyedStateHandleProto write(NativeDb source) throws IOException {
        Map<String, RocksIterator> iterators = new TreeMap<>();
        CheckpointOutputStream out = streams.createExclusiveOutput(nameHint);
        try {
            source.columns.forEach((name, handle) -> iterators.put(name, source.db.newIterator(handle)));
            TreeSet<String> sorted = new TreeSet<>(iterators.keySet());
            sorted.addAll(pending.keySet());
            List<String> names = new ArrayList<>(sorted);
            KeyGroupsStateHandleProto.Builder handle = KeyGroupsStateHandleProto.newBuilder().setStartKeyGroup(range.getStartKeyGroup());
            DataOutputSerializer group = new DataOutputSerializer(64 * 1024);
            DataOutputSerializer section = new DataOutputSerializer(64 * 1024);
            boolean any = false;
            for (int kg = range.getStartKeyGroup(); kg <= range.getEndKeyGroup(); kg++) {
                group.clear();
                group.writeInt(0);
                int numStates = 0;
                for (String name : names) {
                    RocksIterator it = iterators.get(name);
                    if (it != null) {
                        ColumnMeta meta = source.metas.get(name);
                        section.clear();
                        if (writeEntries(it, kg, name, meta, section) > 0) {
                            writeSection(group, name, meta.kind(), meta.flags(), section.getSharedBuffer(), section.length());
                            numStates++;
                        }
                    } else {
                        PendingStates.PendingState p = pending.get(name);
                        PendingStates.Section kept = p.sections().get(kg);
                        if (kept != null) {
                            writeSection(group, name, p.kind(), kept.flags(), kept.entries(), kept.entries().length);
                            numStates++;
                        }
                    }
                }
                if (numStates == 0) {
                    handle.addOffsets(-1);
                    continue;
                }
                patchInt(group, 0, numStates);
                handle.addOffsets(out.getPos());
                out.write(group.getSharedBuffer(), 0, group.length());
                any = true;
            }
            if (!any) {
                out.discard();
                return null;
            }
            Path file = out.closeAndGetPath();
            return KeyedStateHandleProto.newBuilder()
                    .setKeyGroups(handle.setPath(file.toAbsolutePath().toString()).setSize(out.getPos())).build();
        } catch (IOException | RuntimeException e) {
            out.discard();
            throw e;
        } finally {
            iterators.values().forEach(RocksIterator::close);
        }
    }

    private static void writeSection(DataOutputSerializer group, String name, byte kind, byte flags, byte[] entries, int length)
            throws IOException {
        group.writeUTF(name);
        group.writeByte(kind);
        group.writeByte(flags);
        group.writeInt(length);
        group.write(entries, 0, length);
    }

    /** Writes {@code int numEntries, entries} of one key group of one state; returns numEntries. */
    private int writeEntries(RocksIterator it, int keyGroup, String name, ColumnMeta meta, DataOutputSerializer out) throws IOException {
        byte[] prefix = KeyGroupPrefixes.keyGroupPrefix(keyGroup);
        out.writeInt(0);
        TtlCleanup cleanup = meta.ttl() ? ttlCleanups.get(name) : null;
        int numEntries = meta.kind() == KeyGroupStateFormat.MAP ? writeMapEntries(it, prefix, name, meta, cleanup, out)
                : writeSingleEntries(it, prefix, meta.kind(), cleanup, out);
        patchInt(out, 0, numEntries);
        return numEntries;
    }

    /**
     * VALUE/REDUCING/AGGREGATING/LIST: the RocksDB key after the key group is the canonical key [+
     * namespace]; the stored value bytes already are the canonical entry's value part (with TTL
     * cleanup, minus an expired value), except for LIST, whose {@link ListFormat} value is rewritten
     * as {@code int n} + the element payloads (with TTL cleanup, minus the expired elements).
     */
    private static int writeSingleEntries(RocksIterator it, byte[] prefix, byte kind, TtlCleanup cleanup, DataOutputSerializer out)
            throws IOException {
        int n = 0;
        for (it.seek(prefix); it.isValid(); it.next()) {
            byte[] key = it.key();
            if (!StateColumn.startsWith(key, prefix)) {
                break;
            }
            byte[] value = it.value();
            if (kind == KeyGroupStateFormat.LIST) {
                int mark = out.getPosition();
                out.write(key, 2, key.length - 2);
                if (ListFormat.writeCanonical(value, cleanup, out) == 0) {
                    out.setPosition(mark);
                } else {
                    n++;
                }
                continue;
            }
            if (cleanup != null && cleanup.expired(value, 0)) {
                continue;
            }
            out.write(key, 2, key.length - 2);
            out.write(value, 0, value.length);
            n++;
        }
        return n;
    }

    /**
     * MAP: consecutive RocksDB entries of one key (and namespace) form one canonical entry; with TTL
     * cleanup expired mappings are left out, and an entry whose mappings all expired too.
     */
    private int writeMapEntries(RocksIterator it, byte[] prefix, String name, ColumnMeta meta, TtlCleanup cleanup, DataOutputSerializer out)
            throws IOException {
        DataInputDeserializer in = new DataInputDeserializer();
        byte[] currentKey = null;
        int currentKeyEnd = 0;
        int countPosition = -1; // of the current (key, namespace)'s mapping count; -1 until its first mapping is written
        int mappings = 0;
        int n = 0;
        for (it.seek(prefix); it.isValid(); it.next()) {
            byte[] key = it.key();
            if (!StateColumn.startsWith(key, prefix)) {
                break;
            }
            if (currentKey == null || !Arrays.equals(key, 0, Math.min(currentKeyEnd, key.length), currentKey, 0, currentKeyEnd)) {
                if (countPosition >= 0) {
                    patchInt(out, countPosition, mappings);
                }
                in.setBuffer(key, 2, key.length - 2);
                keySerializer.deserialize(in);
                if (meta.namespaced()) {
                    skipNamespace(in, name, meta);
                }
                currentKey = key;
                currentKeyEnd = in.getPosition();
                countPosition = -1;
            }
            byte[] value = it.value();
            if (cleanup != null && cleanup.expired(value, 0)) {
                continue;
            }
            if (countPosition < 0) {
                out.write(key, 2, currentKeyEnd - 2);
                countPosition = out.getPosition();
                out.writeInt(0);
                mappings = 0;
                n++;
            }
            out.write(key, currentKeyEnd, key.length - currentKeyEnd);
            out.write(value, 0, value.length);
            mappings++;
        }
        if (countPosition >= 0) {
            patchInt(out, countPosition, mappings);
        }
        return n;
    }

    /**
     * Drops values expired at the snapshot's time from a registered TTL state with
     * cleanupFullSnapshot. Values, and the payloads of list elements, start with their long timestamp.
     */
    record TtlCleanup(long ttlMillis, long now) {
        boolean expired(byte[] bytes, int offset) {
            long ts = 0;
            for (int i = 0; i < 8; i++) {
                ts = (ts << 8) | (bytes[offset + i] & 0xFF);
            }
            return TtlTime.isExpired(ts, ttlMillis, now);
        }
    }

    /** Moves past the namespace after a map state's key, with its serializer or its fixed length. */
    private void skipNamespace(DataInputDeserializer in, String name, ColumnMeta meta) throws IOException {
        TypeSerializer<?> serializer = namespaceSerializers.get(name);
        if (serializer != null) {
            serializer.deserialize(in);
        } else if (meta.namespaceLength() >= 0) {
            in.skipBytesToRead(meta.namespaceLength());
        } else {
            throw new IllegalStateException("Map state '" + name + "' has namespaces of variable length and was restored from an incremental"
                    + " checkpoint but not registered since, so its entries cannot be written in the canonical format; access the state"
                    + " (register its descriptor) before taking a savepoint, or take an incremental checkpoint instead");
        }
    }

    private static void patchInt(DataOutputSerializer out, int position, int value) {
        int end = out.getPosition();
        out.setPosition(position);
        out.writeInt(value);
        out.setPosition(end);
    }
}

package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.proto.IncrementalStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Restores incremental RocksDB checkpoints: either puts one handle's files in place as the new
 * instance (same key-group range), or opens a handle's files as a temporary read-only instance and
 * copies the entries of the key groups in range into the live one (rescaling). Task thread only.
 */
final class IncrementalRestore {
    private static final int BATCH_ENTRIES = 1024;

    private IncrementalRestore() {}

    /**
     * Copies the handle's shared files (under their local SST names) and private files into the empty
     * directory {@code target}; remembers the shared files as already uploaded.
     */
    static void copyFiles(IncrementalStateHandleProto handle, Path baseDirectory, Path target, SharedFiles remember) throws IOException {
        Files.createDirectories(target);
        for (String s : handle.getSharedFilesList()) {
            Path shared = resolve(baseDirectory, s);
            String localName = SharedFiles.localName(shared);
            copy(shared, target.resolve(localName), handle);
            if (remember != null) {
                remember.remember(localName, shared);
            }
        }
        for (String p : handle.getPrivateFilesList()) {
            Path file = resolve(baseDirectory, p);
            copy(file, target.resolve(file.getFileName().toString()), handle);
        }
    }

    private static void copy(Path from, Path to, IncrementalStateHandleProto handle) throws IOException {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new IOException("Could not copy " + from + " of the incremental RocksDB checkpoint of key groups "
                    + handle.getStartKeyGroup() + ".." + handle.getEndKeyGroup() + " (backend " + handle.getBackendId() + ") to " + to
                    + ": " + e + ". Was the checkpoint's shared directory cleaned up?", e);
        }
    }

    private static Path resolve(Path baseDirectory, String path) {
        return baseDirectory == null ? Path.of(path) : baseDirectory.resolve(path);
    }

    /**
     * Copies the entries of the key groups of {@code range} from the handle's files (materialized in
     * {@code scratch}, deleted afterwards) into {@code target}, creating column families as needed.
     */
    static void copyRange(IncrementalStateHandleProto handle, Path baseDirectory, Path scratch, NativeDb target, KeyGroupRange range,
            ColumnFamilyOptions cfOptions, WriteOptions writeOptions) throws IOException, RocksDBException {
        try {
            copyFiles(handle, baseDirectory, scratch, null);
            int from = Math.max(range.getStartKeyGroup(), handle.getStartKeyGroup());
            int to = Math.min(range.getEndKeyGroup(), handle.getEndKeyGroup());
            try (DBOptions dbOptions = new DBOptions();
                    ColumnFamilyOptions readOptions = ListFormat.withMergeOperator(new ColumnFamilyOptions());
                    NativeDb source = NativeDb.openReadOnly(scratch, dbOptions, readOptions)) {
                for (Map.Entry<String, ColumnFamilyHandle> e : source.columns.entrySet()) {
                    String name = e.getKey();
                    ColumnMeta meta = source.metas.get(name);
                    ColumnFamilyHandle column = target.columns.get(name);
                    if (column == null) {
                        column = target.createColumn(name, meta, cfOptions, writeOptions);
                    } else if (!target.metas.get(name).equals(meta)) {
                        throw new IllegalStateException("State '" + name + "' is " + meta.describe(name) + " state in the checkpoint of key groups "
                                + handle.getStartKeyGroup() + ".." + handle.getEndKeyGroup() + " but " + target.metas.get(name).describe(name)
                                + " state in another restored handle; the checkpoint is inconsistent");
                    }
                    copyEntries(source, e.getValue(), target, column, from, to, writeOptions);
                }
            }
        } finally {
            LocalFiles.deleteQuietly(scratch);
        }
    }

    private static void copyEntries(NativeDb source, ColumnFamilyHandle sourceColumn, NativeDb target, ColumnFamilyHandle targetColumn,
            int fromKeyGroup, int toKeyGroup, WriteOptions writeOptions) throws RocksDBException {
        try (RocksIterator it = source.db.newIterator(sourceColumn); WriteBatch batch = new WriteBatch()) {
            for (it.seek(KeyGroupPrefixes.keyGroupPrefix(fromKeyGroup)); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (KeyGroupPrefixes.keyGroupOf(key) > toKeyGroup) {
                    break;
                }
                batch.put(targetColumn, key, it.value());
                if (batch.count() >= BATCH_ENTRIES) {
                    target.db.write(writeOptions, batch);
                    batch.clear();
                }
            }
            target.db.write(writeOptions, batch);
        }
    }
}

package dev.eddy.runtime.taskmanager.state.rocksdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * A RocksDB instance of this backend's layout opened with all its column families: the default
 * column family is the catalog (state name in UTF-8 → {@link ColumnMeta}), every other column
 * family holds one state. Used for the live instance (read-write) and for native checkpoints opened
 * read-only by async snapshots and rescaling restores. One thread at a time; closing closes the
 * handles and then the database (not the options, which the caller owns).
 */
final class NativeDb implements AutoCloseable {
    final RocksDB db;
    final ColumnFamilyHandle catalog;
    /** State column families by name, sorted. */
    final Map<String, ColumnFamilyHandle> columns;
    /** Catalog entry per state name. */
    final Map<String, ColumnMeta> metas;

    private NativeDb(RocksDB db, ColumnFamilyHandle catalog, Map<String, ColumnFamilyHandle> columns, Map<String, ColumnMeta> metas) {
        this.db = db;
        this.catalog = catalog;
        this.columns = columns;
        this.metas = metas;
    }

    /** Opens (creating when missing) a read-write instance in {@code dir}. */
    static NativeDb openReadWrite(Path dir, DBOptions dbOptions, ColumnFamilyOptions cfOptions) throws RocksDBException {
        List<ColumnFamilyDescriptor> descriptors = descriptors(dir, cfOptions);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
        return wrap(db, descriptors, handles, dir);
    }

    /** Opens the native checkpoint or restored files in {@code dir} read-only. */
    static NativeDb openReadOnly(Path dir, DBOptions dbOptions, ColumnFamilyOptions cfOptions) throws RocksDBException {
        List<ColumnFamilyDescriptor> descriptors = descriptors(dir, cfOptions);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB db = RocksDB.openReadOnly(dbOptions, dir.toString(), descriptors, handles);
        return wrap(db, descriptors, handles, dir);
    }

    private static List<ColumnFamilyDescriptor> descriptors(Path dir, ColumnFamilyOptions cfOptions) throws RocksDBException {
        List<byte[]> names;
        if (Files.exists(dir.resolve("CURRENT"))) {
            try (Options options = new Options()) {
                names = RocksDB.listColumnFamilies(options, dir.toString());
            }
        } else {
            names = List.of(RocksDB.DEFAULT_COLUMN_FAMILY);
        }
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>(names.size());
        for (byte[] name : names) {
            descriptors.add(new ColumnFamilyDescriptor(name, cfOptions));
        }
        return descriptors;
    }

    private static NativeDb wrap(RocksDB db, List<ColumnFamilyDescriptor> descriptors, List<ColumnFamilyHandle> handles, Path dir) {
        ColumnFamilyHandle catalog = null;
        Map<String, ColumnFamilyHandle> columns = new TreeMap<>();
        for (int i = 0; i < descriptors.size(); i++) {
            byte[] name = descriptors.get(i).getName();
            if (Arrays.equals(name, RocksDB.DEFAULT_COLUMN_FAMILY)) {
                catalog = handles.get(i);
            } else {
                columns.put(new String(name, StandardCharsets.UTF_8), handles.get(i));
            }
        }
        Map<String, ColumnMeta> metas = new TreeMap<>();
        try (RocksIterator it = db.newIterator(catalog)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                String name = new String(it.key(), StandardCharsets.UTF_8);
                metas.put(name, ColumnMeta.fromBytes(it.value(), name));
            }
        }
        for (String name : columns.keySet()) {
            if (!metas.containsKey(name)) {
                NativeDb partial = new NativeDb(db, catalog, columns, metas);
                partial.close();
                throw new IllegalStateException("RocksDB files in " + dir + " hold column family '" + name
                        + "' without a catalog entry; they were not written by the Eddy RocksDB state backend");
            }
        }
        return new NativeDb(db, catalog, columns, metas);
    }

    /** Creates a state's column family and records it in the catalog. */
    ColumnFamilyHandle createColumn(String name, ColumnMeta meta, ColumnFamilyOptions cfOptions, org.rocksdb.WriteOptions writeOptions)
            throws RocksDBException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ColumnFamilyHandle handle = db.createColumnFamily(new ColumnFamilyDescriptor(nameBytes, cfOptions));
        db.put(catalog, writeOptions, nameBytes, meta.toBytes());
        columns.put(name, handle);
        metas.put(name, meta);
        return handle;
    }

    /** Every handle, the catalog first. */
    List<ColumnFamilyHandle> allHandles() {
        List<ColumnFamilyHandle> all = new ArrayList<>(columns.size() + 1);
        all.add(catalog);
        all.addAll(columns.values());
        return Collections.unmodifiableList(all);
    }

    @Override
    public void close() {
        for (ColumnFamilyHandle h : columns.values()) {
            h.close();
        }
        if (catalog != null) {
            catalog.close();
        }
        db.close();
    }
}

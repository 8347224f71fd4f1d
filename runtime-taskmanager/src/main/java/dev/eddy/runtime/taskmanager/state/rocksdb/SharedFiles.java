package dev.eddy.runtime.taskmanager.state.rocksdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which local SST files of one backend are already in the job's shared checkpoint directory, and
 * where. SST files are immutable and RocksDB never reuses a file number, so a local name identifies
 * the content. An entry is trusted only while its shared file still exists: the JobManager deletes
 * shared files no retained checkpoint references, so a file uploaded by an aborted or discarded
 * checkpoint is uploaded again. Thread-safe (async snapshot threads, and the task thread on restore).
 */
final class SharedFiles {
    private final Map<String, Path> uploaded = new ConcurrentHashMap<>();

    /** The shared file holding local SST {@code localName}, or null when it must be uploaded. */
    Path reusable(String localName) {
        Path shared = uploaded.get(localName);
        if (shared != null && !Files.exists(shared)) {
            uploaded.remove(localName, shared);
            return null;
        }
        return shared;
    }

    void remember(String localName, Path shared) {
        uploaded.put(localName, shared);
    }

    /** Forgets files RocksDB no longer has (compacted away), given the SST names of the latest native checkpoint. */
    void retainOnly(Set<String> liveLocalNames) {
        uploaded.keySet().retainAll(liveLocalNames);
    }

    /**
     * The local file name of a shared file: shared names are {@code <backendId>-<localName>} with a
     * backend id free of '-'.
     */
    static String localName(Path shared) {
        String name = shared.getFileName().toString();
        int dash = name.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("Shared RocksDB file " + shared + " is not named <backendId>-<sstName>");
        }
        return name.substring(dash + 1);
    }
}

package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.proto.IncrementalStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The async part of an incremental checkpoint: uploads the SST files of the native checkpoint that
 * are not yet in the shared directory (as {@code <backendId>-<sstName>}), copies the other files
 * (MANIFEST, CURRENT, OPTIONS, logs) into a private directory {@code rocksdb-<backendId>-chk-<id>}
 * of the checkpoint's exclusive directory, and deletes the native checkpoint. Runs once on an async
 * snapshot thread; touches nothing of the live instance except the thread-safe {@link SharedFiles}.
 */
final class IncrementalSnapshot implements AsyncSnapshot<KeyedStateHandleProto> {
    private static final Logger LOG = LoggerFactory.getLogger(IncrementalSnapshot.class);

    private final Path checkpointDirectory;
    private final CheckpointStreamFactory streams;
    private final KeyGroupRange range;
    private final String backendId;
    private final SharedFiles sharedFiles;
    private final long checkpointId;

    IncrementalSnapshot(Path checkpointDirectory, CheckpointStreamFactory streams, KeyGroupRange range, String backendId,
            SharedFiles sharedFiles, long checkpointId) {
        this.checkpointDirectory = checkpointDirectory;
        this.streams = streams;
        this.range = range;
        this.backendId = backendId;
        this.sharedFiles = sharedFiles;
        this.checkpointId = checkpointId;
    }

    @Override
    public KeyedStateHandleProto run() throws Exception {
        Path sharedDir = streams.getSharedDirectory();
        Path privateDir = streams.getExclusiveDirectory().resolve("rocksdb-" + backendId + "-chk-" + checkpointId);
        Map<Path, String> uploadedNow = new HashMap<>();
        try {
            Files.createDirectories(privateDir);
            IncrementalStateHandleProto.Builder handle = IncrementalStateHandleProto.newBuilder()
                    .setStartKeyGroup(range.getStartKeyGroup()).setEndKeyGroup(range.getEndKeyGroup()).setBackendId(backendId);
            long uploadedBytes = 0;
            Set<String> live = new HashSet<>();
            for (Path file : listFiles()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".sst")) {
                    live.add(name);
                    Path shared = sharedFiles.reusable(name);
                    if (shared == null) {
                        shared = sharedDir.resolve(backendId + "-" + name).toAbsolutePath();
                        LocalFiles.copyAtomically(file, shared);
                        uploadedNow.put(shared, name);
                        uploadedBytes += Files.size(shared);
                    }
                    handle.addSharedFiles(shared.toString());
                } else {
                    Path copy = privateDir.resolve(name).toAbsolutePath();
                    Files.copy(file, copy);
                    handle.addPrivateFiles(copy.toString());
                }
            }
            uploadedNow.forEach((shared, name) -> sharedFiles.remember(name, shared));
            sharedFiles.retainOnly(live);
            handle.setIncrementalSize(uploadedBytes);
            LOG.debug("Incremental checkpoint {} of key groups {}: {} shared files ({} new, {} bytes), {} private files",
                    checkpointId, range, handle.getSharedFilesCount(), uploadedNow.size(), uploadedBytes, handle.getPrivateFilesCount());
            return KeyedStateHandleProto.newBuilder().setIncremental(handle).build();
        } catch (IOException | RuntimeException e) {
            uploadedNow.keySet().forEach(LocalFiles::deleteQuietly);
            LocalFiles.deleteQuietly(privateDir);
            throw new IOException("Incremental RocksDB checkpoint " + checkpointId + " of key groups " + range + " could not write its files to "
                    + sharedDir + " and " + privateDir + ": " + e.getMessage(), e);
        } finally {
            LocalFiles.deleteQuietly(checkpointDirectory);
        }
    }

    private List<Path> listFiles() throws IOException {
        try (Stream<Path> files = Files.list(checkpointDirectory)) {
            List<Path> list = new ArrayList<>();
            files.filter(Files::isRegularFile).sorted().forEach(list::add);
            return list;
        }
    }

    @Override
    public void discard() {
        LocalFiles.deleteQuietly(checkpointDirectory);
    }
}

package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOutputStream;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.state.KeyGroupStateFormat;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The asynchronous part of a heap keyed-state snapshot: writes the pinned key-group maps (and the
 * still undecoded restored sections) in the canonical format ({@link KeyGroupStateFormat}) into one
 * exclusive file, then unpins the maps. Runs once on an async snapshot thread; uses only its own
 * serializer duplicates and the frozen maps.
 */
final class HeapSnapshotWriter<K> implements AsyncSnapshot<KeyedStateHandleProto> {
    /** One registered state as the snapshot froze it, at {@code now} (TTL cleanup in full snapshots). */
    record FrozenState<K>(HeapStateCodec<K> codec, StateTable.Pinned<Object, Object> pinned, long now) {}

    private final KeyGroupRange range;
    private final List<FrozenState<K>> states;
    private final List<RestoredStateBytes> undecoded;
    private final CheckpointStreamFactory streams;
    private final String nameHint;

    HeapSnapshotWriter(KeyGroupRange range, List<FrozenState<K>> states, List<RestoredStateBytes> undecoded,
            CheckpointStreamFactory streams, String nameHint) {
        this.range = range;
        this.states = states;
        this.undecoded = undecoded;
        this.streams = streams;
        this.nameHint = nameHint;
    }

    @Override
    public KeyedStateHandleProto run() throws Exception {
        CheckpointOutputStream out = streams.createExclusiveOutput(nameHint);
        try {
            DataOutputStream data = new DataOutputStream(out);
            List<Long> offsets = new ArrayList<>(range.getNumberOfKeyGroups());
            for (int kg = range.getStartKeyGroup(); kg <= range.getEndKeyGroup(); kg++) {
                offsets.add(writeKeyGroup(kg, data, out));
            }
            data.flush();
            long size = out.getPos();
            String path = out.closeAndGetPath().toAbsolutePath().toString();
            return KeyedStateHandleProto.newBuilder().setKeyGroups(KeyGroupsStateHandleProto.newBuilder().setPath(path)
                    .setStartKeyGroup(range.getStartKeyGroup()).addAllOffsets(offsets).setSize(size)).build();
        } catch (Exception | Error e) {
            out.discard();
            throw e;
        } finally {
            release();
        }
    }

    /** Writes one key group; returns its offset, or -1 when no state has entries in it. */
    private long writeKeyGroup(int kg, DataOutputStream data, CheckpointOutputStream out) throws IOException {
        List<String> names = new ArrayList<>();
        List<byte[]> blocks = new ArrayList<>();
        List<Byte> kinds = new ArrayList<>();
        List<Byte> flags = new ArrayList<>();
        for (FrozenState<K> s : states) {
            KeyNamespaceMap<Object, Object> entries = s.pinned().getKeyGroup(kg);
            byte[] block = entries.isEmpty() ? null : s.codec().encode(entries, s.now());
            if (block != null) {
                names.add(s.codec().name());
                kinds.add(s.codec().kind());
                flags.add(s.codec().flags());
                blocks.add(block);
            }
        }
        for (RestoredStateBytes r : undecoded) {
            byte[] bytes = r.byKeyGroup.get(kg);
            if (bytes != null) {
                names.add(r.name);
                kinds.add(r.kind);
                flags.add(r.flags);
                blocks.add(bytes);
            }
        }
        if (names.isEmpty()) {
            return -1;
        }
        data.flush();
        long offset = out.getPos();
        data.writeInt(names.size());
        for (int i = 0; i < names.size(); i++) {
            data.writeUTF(names.get(i));
            data.writeByte(kinds.get(i));
            data.writeByte(flags.get(i));
            data.writeInt(blocks.get(i).length);
            data.write(blocks.get(i));
        }
        return offset;
    }

    @Override
    public void discard() {
        release();
    }

    private void release() {
        for (FrozenState<K> s : states) {
            s.pinned().release();
        }
    }
}

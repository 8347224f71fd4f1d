package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.runtime.taskmanager.state.KeyGroupStateFormat;
import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Canonical state sections restored from {@code KeyGroupStateFormat} files whose descriptor has not
 * been registered yet, kept as bytes per state name and key group until {@code getPartitionedState}
 * decodes them into a column family. A snapshot taken before that writes the kept bytes back
 * unchanged. Task thread only; {@link #snapshot()} returns an immutable view an async thread may read.
 */
final class PendingStates {
    /** One state's kept section of one key group: its flags ({@code KeyGroupStateFormat.FLAG_*}) and its entry bytes. */
    record Section(byte flags, byte[] entries) {}

    /** One state's kept sections. */
    record PendingState(byte kind, NavigableMap<Integer, Section> sections) {}

    private final Map<String, PendingState> states = new TreeMap<>();

    boolean isEmpty() {
        return states.isEmpty();
    }

    /** Whether a kept state's sections carry namespaces (all its sections agree), or null when not kept. */
    Boolean namespacedOf(String name) {
        PendingState s = states.get(name);
        return s == null || s.sections().isEmpty() ? null : KeyGroupStateFormat.isNamespaced(s.sections().firstEntry().getValue().flags());
    }

    /** The kept kind of a state, or null. */
    Byte kindOf(String name) {
        PendingState s = states.get(name);
        return s == null ? null : s.kind();
    }

    /** A state's kept sections, or null. */
    PendingState get(String name) {
        return states.get(name);
    }

    /** Forgets a state's sections (they were decoded into its column family). */
    void remove(String name) {
        states.remove(name);
    }

    /** An immutable copy of the current sections (sections themselves are never mutated). */
    Map<String, PendingState> snapshot() {
        Map<String, PendingState> copy = new TreeMap<>();
        states.forEach((name, s) -> copy.put(name, new PendingState(s.kind(), Collections.unmodifiableNavigableMap(new TreeMap<>(s.sections())))));
        return Collections.unmodifiableMap(copy);
    }

    /** Reads the key groups of {@code range} from a canonical file and keeps their sections. */
    void read(KeyGroupsStateHandleProto handle, Path baseDirectory, KeyGroupRange range) throws IOException {
        Path file = baseDirectory == null ? Path.of(handle.getPath()) : baseDirectory.resolve(handle.getPath());
        int start = handle.getStartKeyGroup();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 0; i < handle.getOffsetsCount(); i++) {
                int keyGroup = start + i;
                long offset = handle.getOffsets(i);
                if (offset < 0 || !range.contains(keyGroup)) {
                    continue;
                }
                channel.position(offset);
                DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024));
                readKeyGroup(in, keyGroup, file);
            }
        } catch (IOException e) {
            throw new IOException("Could not read keyed state file " + file + " (key groups from " + start + "): " + e.getMessage(), e);
        }
    }

    private void readKeyGroup(DataInputStream in, int keyGroup, Path file) throws IOException {
        int numStates = in.readInt();
        for (int s = 0; s < numStates; s++) {
            String name = in.readUTF();
            byte kind = in.readByte();
            byte flags = KeyGroupStateFormat.checkFlags(in.readByte(), name);
            int length = in.readInt();
            byte[] entries = new byte[length];
            in.readFully(entries);
            KeyGroupStateFormat.typeOf(kind, name);
            PendingState state = states.computeIfAbsent(name, n -> new PendingState(kind, new TreeMap<>()));
            if (state.kind() != kind) {
                throw new IllegalStateException("State '" + name + "' is " + KeyGroupStateFormat.typeOf(state.kind(), name) + " state in one key group and "
                        + KeyGroupStateFormat.typeOf(kind, name) + " state in key group " + keyGroup + " of " + file + "; the snapshot is inconsistent");
            }
            if (!state.sections().isEmpty()
                    && KeyGroupStateFormat.isNamespaced(state.sections().firstEntry().getValue().flags()) != KeyGroupStateFormat.isNamespaced(flags)) {
                throw new IllegalStateException("State '" + name + "' has namespaces in some key groups and none in key group " + keyGroup
                        + " of " + file + " (or the other way round); the snapshot is inconsistent");
            }
            if (state.sections().putIfAbsent(keyGroup, new Section(flags, entries)) != null) {
                throw new IllegalStateException("Key group " + keyGroup + " of state '" + name + "' is in two restored state handles ("
                        + file + " and another); the restored snapshot's key-group ranges overlap");
            }
        }
    }
}

package dev.eddy.streaming.api.operators;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.state.KeyGroupStatePartitionStreamProvider;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.state.KeyedStateCheckpointOutputStream;
import dev.eddy.streaming.util.serialization.DataInputStreamView;
import dev.eddy.streaming.util.serialization.DataOutputStreamView;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes and reads the timers of a keyed operator as raw keyed state. Per key group:
 * {@code int numEventTimers, numEventTimers × (key, long timestamp), int numProcessingTimers,
 * numProcessingTimers × (key, long timestamp)}, keys in the keyed backend's key serializer.
 * Task thread only (inside {@code snapshotState}/{@code initializeState}). Superseded by
 * {@link InternalTimeServiceManager} (named services with namespaces), which operators get through
 * {@link AbstractStreamOperator#getInternalTimerService}; an operator must not use both.
 */
public final class KeyedTimersSnapshot {
    private KeyedTimersSnapshot() {}

    /** Writes every timer into the key group of its key, key groups ascending. */
    public static void write(KeyedStateCheckpointOutputStream out, KeyedStateBackend<Object> backend, HeapTimerQueue eventTimers,
            HeapTimerQueue processingTimers) throws IOException {
        TypeSerializer<Object> keySerializer = requireKeySerializer(backend, "snapshot");
        int maxParallelism = backend.getNumberOfKeyGroups();
        TreeMap<Integer, List<HeapTimerQueue.Timer>[]> byKeyGroup = new TreeMap<>();
        bucket(eventTimers, 0, byKeyGroup, maxParallelism);
        bucket(processingTimers, 1, byKeyGroup, maxParallelism);
        DataOutputStreamView view = new DataOutputStreamView(out);
        for (var e : byKeyGroup.entrySet()) {
            view.flush();
            out.startNewKeyGroup(e.getKey());
            for (List<HeapTimerQueue.Timer> timers : e.getValue()) {
                view.writeInt(timers.size());
                for (HeapTimerQueue.Timer t : timers) {
                    keySerializer.serialize(t.getKey(), view);
                    view.writeLong(t.getTimestamp());
                }
            }
        }
        view.flush();
    }

    @SuppressWarnings("unchecked")
    private static void bucket(HeapTimerQueue queue, int domain, TreeMap<Integer, List<HeapTimerQueue.Timer>[]> byKeyGroup,
            int maxParallelism) {
        queue.forEach(t -> {
            int kg = KeyGroupRangeAssignment.assignToKeyGroup(t.getKey(), maxParallelism);
            List<HeapTimerQueue.Timer>[] lists = byKeyGroup.computeIfAbsent(kg, k -> new List[] {new ArrayList<>(), new ArrayList<>()});
            lists[domain].add(t);
        });
        // a stable order inside a key group: by timestamp
        for (List<HeapTimerQueue.Timer>[] lists : byKeyGroup.values()) {
            lists[domain].sort((a, b) -> Long.compare(a.getTimestamp(), b.getTimestamp()));
        }
    }

    /** Adds the timers of the key groups of the backend's range found in {@code inputs}. */
    public static void restore(Iterable<KeyGroupStatePartitionStreamProvider> inputs, KeyedStateBackend<Object> backend,
            HeapTimerQueue eventTimers, HeapTimerQueue processingTimers) throws IOException {
        KeyGroupRange range = backend.getKeyGroupRange();
        for (KeyGroupStatePartitionStreamProvider p : inputs) {
            if (!range.contains(p.getKeyGroupId())) {
                continue;
            }
            TypeSerializer<Object> keySerializer = requireKeySerializer(backend, "restore");
            try (InputStream in = p.getStream()) {
                DataInputStreamView view = new DataInputStreamView(in);
                readTimers(view, keySerializer, eventTimers);
                readTimers(view, keySerializer, processingTimers);
            }
        }
    }

    private static void readTimers(DataInputStreamView view, TypeSerializer<Object> keySerializer, HeapTimerQueue queue)
            throws IOException {
        int n = view.readInt();
        for (int i = 0; i < n; i++) {
            Object key = keySerializer.deserialize(view);
            queue.add(key, view.readLong());
        }
    }

    private static TypeSerializer<Object> requireKeySerializer(KeyedStateBackend<Object> backend, String what) {
        TypeSerializer<Object> s = backend.getKeySerializer();
        if (s == null) {
            throw new IllegalStateException("Cannot " + what + " timers: the keyed state backend has no key serializer (the key type"
                    + " of the keyed operator is unknown to the runtime)");
        }
        return s;
    }
}

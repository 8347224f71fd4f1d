package dev.eddy.streaming.api.operators;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupStatePartitionStreamProvider;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.state.KeyedStateCheckpointOutputStream;
import dev.eddy.streaming.util.serialization.DataInputStreamView;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named {@link InternalTimerService}s of one keyed operator, and their place in checkpoints.
 *
 * <p>Snapshot format (raw keyed state, one section per key group that has timers, key groups
 * ascending): {@code int numServices}, then per service {@code UTF name, int length, length bytes}
 * where the bytes are {@code int n, n × (key, namespace, long timestamp)} for event time, then the
 * same for processing time (keys in the backend's key serializer, namespaces in the service's).
 * Because the namespace serializer is only known once the operator asks for its service (in
 * {@code open}, after restore), restored sections are kept as bytes until then; sections of a
 * service never asked for are written back unchanged into later snapshots.
 *
 * <p>Services fire in creation order. Task thread only; created by {@link AbstractStreamOperator}.
 */
public final class InternalTimeServiceManager {
    private final KeyedStateBackend<Object> backend;
    private final ProcessingTimeService processingTimeService;
    private final LinkedHashMap<String, InternalTimerServiceImpl<?, ?>> services = new LinkedHashMap<>();
    /** Restored sections of services not created yet: name → (key group, bytes). */
    private final Map<String, List<Section>> pending = new LinkedHashMap<>();

    private record Section(int keyGroup, byte[] bytes) {}

    public InternalTimeServiceManager(KeyedStateBackend<Object> backend, ProcessingTimeService processingTimeService) {
        this.backend = backend;
        this.processingTimeService = processingTimeService;
    }

    /** The service named {@code name}, created (with its restored timers) on first call. */
    @SuppressWarnings("unchecked")
    public <K, N> InternalTimerService<N> getInternalTimerService(String name, TypeSerializer<N> namespaceSerializer,
            Triggerable<K, N> triggerable) {
        InternalTimerServiceImpl<?, ?> existing = services.get(name);
        if (existing != null) {
            if (existing.triggerable() != triggerable || !existing.namespaceSerializer().equals(namespaceSerializer)) {
                throw new IllegalStateException("Timer service '" + name + "' already exists with another triggerable or namespace"
                        + " serializer (" + existing.namespaceSerializer() + "); use one name per triggerable and namespace type");
            }
            return (InternalTimerService<N>) existing;
        }
        InternalTimerServiceImpl<K, N> service =
                new InternalTimerServiceImpl<>(name, namespaceSerializer, triggerable, backend, processingTimeService);
        List<Section> restored = pending.remove(name);
        if (restored != null) {
            for (Section s : restored) {
                readSection(s.bytes(), service);
            }
        }
        services.put(name, service);
        service.startProcessingTime();
        return service;
    }

    /** Fires the due event-time timers of every service, in service creation order. */
    public void advanceWatermark(long time) throws Exception {
        for (InternalTimerServiceImpl<?, ?> service : services.values()) {
            service.advanceWatermark(time);
        }
    }

    /** True if any service (or a restored, not yet created one) holds timers. */
    public boolean hasTimers() {
        if (!pending.isEmpty()) {
            return true;
        }
        for (InternalTimerServiceImpl<?, ?> s : services.values()) {
            if (s.numEventTimeTimers() > 0 || s.numProcessingTimeTimers() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Cancels pending processing-time callbacks. */
    public void close() {
        services.values().forEach(InternalTimerServiceImpl::close);
    }

    // ---------------------------------------------------------------- snapshot

    /**
     * Writes every timer into the key group of its key. Task thread, in the synchronous part of a
     * checkpoint, which only copies the timer queues ({@link TimerSnapshot#freeze}); the timers are
     * serialized when {@code out} runs the deferred write (in the runtime: on the async snapshot
     * thread; see {@link KeyedStateCheckpointOutputStream#writeLater}).
     */
    public void snapshot(KeyedStateCheckpointOutputStream out) throws IOException {
        TypeSerializer<Object> keySerializer = requireKeySerializer("snapshot");
        List<TimerSnapshot.RestoredSection> restored = new ArrayList<>();
        for (Map.Entry<String, List<Section>> e : pending.entrySet()) {
            for (Section s : e.getValue()) {
                restored.add(new TimerSnapshot.RestoredSection(e.getKey(), s.keyGroup(), s.bytes()));
            }
        }
        TimerSnapshot frozen = TimerSnapshot.freeze(backend.getNumberOfKeyGroups(), keySerializer, services.values(), restored);
        out.writeLater(frozen::writeTo);
    }

    // ---------------------------------------------------------------- restore

    /** Keeps the sections of the key groups of this subtask until their services are created. */
    public void restore(Iterable<KeyGroupStatePartitionStreamProvider> inputs) throws IOException {
        KeyGroupRange range = backend.getKeyGroupRange();
        for (KeyGroupStatePartitionStreamProvider p : inputs) {
            if (!range.contains(p.getKeyGroupId())) {
                continue;
            }
            try (InputStream in = p.getStream()) {
                DataInputStreamView view = new DataInputStreamView(in);
                int n = view.readInt();
                for (int i = 0; i < n; i++) {
                    String name = view.readUTF();
                    byte[] bytes = new byte[view.readInt()];
                    view.readFully(bytes);
                    pending.computeIfAbsent(name, k -> new ArrayList<>()).add(new Section(p.getKeyGroupId(), bytes));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <K, N> void readSection(byte[] bytes, InternalTimerServiceImpl<K, N> service) {
        TypeSerializer<Object> keySerializer = requireKeySerializer("restore");
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        try {
            for (InternalTimerQueue<K, N> queue : List.of(service.eventTimers(), service.processingTimers())) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    K key = (K) keySerializer.deserialize(in);
                    N namespace = service.namespaceSerializer().deserialize(in);
                    queue.add(key, namespace, in.readLong());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot restore the timers of timer service '" + service.name() + "': the snapshot does"
                    + " not match its namespace serializer " + service.namespaceSerializer() + " or the key serializer", e);
        }
    }

    private TypeSerializer<Object> requireKeySerializer(String what) {
        TypeSerializer<Object> s = backend.getKeySerializer();
        if (s == null) {
            throw new IllegalStateException("Cannot " + what + " timers: the keyed state backend has no key serializer (the key type"
                    + " of the keyed operator is unknown to the runtime)");
        }
        return s;
    }
}

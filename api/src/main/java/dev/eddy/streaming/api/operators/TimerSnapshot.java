package dev.eddy.streaming.api.operators;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.state.KeyedStateCheckpointOutputStream;
import dev.eddy.streaming.util.serialization.DataOutputStreamView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The timers of an {@link InternalTimeServiceManager} as one checkpoint saw them, and how they are
 * written (format: see {@link InternalTimeServiceManager}).
 *
 * <p>Threading: {@link #freeze} runs on the task thread in the synchronous part of the checkpoint
 * and only copies each timer queue into flat arrays (keys, namespaces, timestamps in firing order)
 * and takes serializer duplicates. {@link #writeTo} then runs once, on whichever thread the raw
 * keyed state output defers it to (the async snapshot thread in the runtime), and reads only that
 * copy, the immutable restored byte sections and the duplicates. Keys and namespaces are shared
 * with the task, as heap state shares them: they must not be mutated once used (they are hash keys).
 */
final class TimerSnapshot {
    /** One queue's timers in firing order. */
    private record Timers(Object[] keys, Object[] namespaces, long[] timestamps) {
        static Timers of(InternalTimerQueue<?, ?> queue) {
            int n = queue.size();
            Object[] keys = new Object[n];
            Object[] namespaces = new Object[n];
            long[] timestamps = new long[n];
            int[] i = {0};
            queue.forEachTimer((k, ns, ts) -> {
                keys[i[0]] = k;
                namespaces[i[0]] = ns;
                timestamps[i[0]++] = ts;
            });
            return new Timers(keys, namespaces, timestamps);
        }

        int size() {
            return keys.length;
        }
    }

    private record Service(String name, TypeSerializer<Object> namespaceSerializer, Timers event, Timers processing) {}

    /** A restored section of a service not created yet, written back unchanged. */
    record RestoredSection(String serviceName, int keyGroup, byte[] bytes) {}

    private final int maxParallelism;
    private final TypeSerializer<Object> keySerializer;
    private final List<Service> services;
    private final List<RestoredSection> restored;

    private TimerSnapshot(int maxParallelism, TypeSerializer<Object> keySerializer, List<Service> services,
            List<RestoredSection> restored) {
        this.maxParallelism = maxParallelism;
        this.keySerializer = keySerializer;
        this.services = services;
        this.restored = restored;
    }

    /**
     * Copies the timers of {@code services} (in creation order) and lists the {@code restored}
     * sections (in the order given). Task thread.
     */
    @SuppressWarnings("unchecked")
    static TimerSnapshot freeze(int maxParallelism, TypeSerializer<Object> keySerializer,
            Iterable<InternalTimerServiceImpl<?, ?>> services, List<RestoredSection> restored) {
        List<Service> frozen = new ArrayList<>();
        for (InternalTimerServiceImpl<?, ?> s : services) {
            frozen.add(new Service(s.name(), (TypeSerializer<Object>) s.namespaceSerializer().duplicate(), Timers.of(s.eventTimers()),
                    Timers.of(s.processingTimers())));
        }
        return new TimerSnapshot(maxParallelism, keySerializer.duplicate(), frozen, List.copyOf(restored));
    }

    /** Writes the frozen timers, one section per key group with timers, key groups ascending. Once, any one thread. */
    void writeTo(KeyedStateCheckpointOutputStream out) throws IOException {
        TreeMap<Integer, Map<String, byte[]>> byKeyGroup = new TreeMap<>();
        for (Service service : services) {
            for (Map.Entry<Integer, byte[]> e : writeService(service).entrySet()) {
                byKeyGroup.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(service.name(), e.getValue());
            }
        }
        for (RestoredSection s : restored) {
            byKeyGroup.computeIfAbsent(s.keyGroup(), k -> new LinkedHashMap<>()).put(s.serviceName(), s.bytes());
        }
        DataOutputStreamView view = new DataOutputStreamView(out);
        for (Map.Entry<Integer, Map<String, byte[]>> kg : byKeyGroup.entrySet()) {
            view.flush();
            out.startNewKeyGroup(kg.getKey());
            view.writeInt(kg.getValue().size());
            for (Map.Entry<String, byte[]> section : kg.getValue().entrySet()) {
                view.writeUTF(section.getKey());
                view.writeInt(section.getValue().length);
                view.write(section.getValue());
            }
        }
        view.flush();
    }

    /** Key group → {@code int n, n × (key, namespace, long timestamp)} for event, then processing time. */
    private Map<Integer, byte[]> writeService(Service service) throws IOException {
        int[] eventStart = new int[maxParallelism + 1];
        int[] eventOrder = groupByKeyGroup(service.event(), eventStart);
        int[] processingStart = new int[maxParallelism + 1];
        int[] processingOrder = groupByKeyGroup(service.processing(), processingStart);
        Map<Integer, byte[]> result = new TreeMap<>();
        DataOutputSerializer buffer = new DataOutputSerializer(256);
        for (int kg = 0; kg < maxParallelism; kg++) {
            if (eventStart[kg] == eventStart[kg + 1] && processingStart[kg] == processingStart[kg + 1]) {
                continue;
            }
            buffer.clear();
            writeTimers(service, service.event(), eventOrder, eventStart[kg], eventStart[kg + 1], buffer);
            writeTimers(service, service.processing(), processingOrder, processingStart[kg], processingStart[kg + 1], buffer);
            result.put(kg, buffer.getCopyOfBuffer());
        }
        return result;
    }

    /**
     * A stable counting sort of the timers by key group: returns the timer indexes ordered by key
     * group (firing order within one), and fills {@code start[kg]} with where key group kg begins.
     */
    private int[] groupByKeyGroup(Timers timers, int[] start) {
        int n = timers.size();
        int[] keyGroups = new int[n];
        for (int i = 0; i < n; i++) {
            int kg = KeyGroupRangeAssignment.assignToKeyGroup(timers.keys()[i], maxParallelism);
            keyGroups[i] = kg;
            start[kg + 1]++;
        }
        for (int kg = 0; kg < maxParallelism; kg++) {
            start[kg + 1] += start[kg];
        }
        int[] next = start.clone();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[next[keyGroups[i]]++] = i;
        }
        return order;
    }

    private void writeTimers(Service service, Timers timers, int[] order, int from, int to, DataOutputSerializer buffer)
            throws IOException {
        buffer.writeInt(to - from);
        for (int j = from; j < to; j++) {
            int i = order[j];
            keySerializer.serialize(timers.keys()[i], buffer);
            service.namespaceSerializer().serialize(timers.namespaces()[i], buffer);
            buffer.writeLong(timers.timestamps()[i]);
        }
    }
}

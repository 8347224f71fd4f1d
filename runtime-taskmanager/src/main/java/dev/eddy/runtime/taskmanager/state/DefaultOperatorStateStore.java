package dev.eddy.runtime.taskmanager.state;

import com.google.protobuf.ByteString;
import dev.eddy.api.common.state.BroadcastState;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.OperatorStateStore;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.ListSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.proto.OperatorStatePartProto;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operator (non-keyed) list and broadcast states of one operator subtask, held on the heap. A state's
 * elements are serialized with its descriptor's element serializer into an
 * {@link OperatorStatePartProto} at each snapshot (synchronously: operator state is small); the
 * JobMaster redistributes the parts on restore per their mode. Restored parts are decoded at the
 * first {@link #getListState}/{@link #getUnionListState} with their name; a snapshot before that
 * writes them back unchanged. Task thread only.
 */
public final class DefaultOperatorStateStore implements OperatorStateStore {
    private final Map<String, RegisteredState<?>> registered = new LinkedHashMap<>();
    private final Map<String, OperatorStatePartProto> restored = new LinkedHashMap<>();
    private final Map<String, HeapBroadcastState<?, ?>> broadcastStates = new LinkedHashMap<>();

    /** @param restoredParts this subtask's parts (several parts of one name are concatenated in order) */
    public DefaultOperatorStateStore(List<OperatorStatePartProto> restoredParts) {
        for (OperatorStatePartProto p : restoredParts) {
            OperatorStatePartProto prev = restored.get(p.getName());
            if (prev == null) {
                restored.put(p.getName(), p);
            } else if (prev.getMode() != p.getMode()) {
                throw new IllegalStateException("Operator state '" + p.getName() + "' was restored both as " + prev.getMode()
                        + " and as " + p.getMode() + "; the checkpoint is inconsistent");
            } else {
                restored.put(p.getName(), prev.toBuilder().addAllElements(p.getElementsList()).build());
            }
        }
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> stateDescriptor) throws Exception {
        return getState(stateDescriptor, OperatorStatePartProto.Mode.SPLIT_DISTRIBUTE);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> stateDescriptor) throws Exception {
        return getState(stateDescriptor, OperatorStatePartProto.Mode.UNION);
    }

    /**
     * Broadcast state: a map of which every subtask keeps a full copy; snapshotted in mode
     * BROADCAST, so each subtask gets one old copy on restore (at any parallelism).
     */
    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) throws Exception {
        Objects.requireNonNull(stateDescriptor, "broadcast state descriptor");
        String name = stateDescriptor.getName();
        HeapBroadcastState<?, ?> existing = broadcastStates.get(name);
        if (existing != null) {
            return (BroadcastState<K, V>) existing;
        }
        if (registered.containsKey(name)) {
            throw new IllegalStateException("Operator state '" + name + "' is already a list state and cannot also be a broadcast"
                    + " state; give the broadcast state descriptor another name");
        }
        HeapBroadcastState<K, V> state = new HeapBroadcastState<>(stateDescriptor);
        OperatorStatePartProto part = restored.remove(name);
        if (part != null) {
            requireMode(name, part.getMode(), OperatorStatePartProto.Mode.BROADCAST, "restored");
            state.restore(part);
        }
        broadcastStates.put(name, state);
        return state;
    }

    @SuppressWarnings("unchecked")
    private <S> ListState<S> getState(ListStateDescriptor<S> descriptor, OperatorStatePartProto.Mode mode) throws IOException {
        Objects.requireNonNull(descriptor, "state descriptor");
        String name = descriptor.getName();
        RegisteredState<?> existing = registered.get(name);
        if (existing != null) {
            requireMode(name, existing.mode, mode, "registered");
            return (ListState<S>) existing;
        }
        if (broadcastStates.containsKey(name)) {
            throw new IllegalStateException("Operator state '" + name + "' is already a broadcast state and cannot also be a"
                    + " list state; give the list state descriptor another name");
        }
        TypeSerializer<S> serializer = ((ListSerializer<S>) descriptor.getSerializer()).getElementSerializer();
        RegisteredState<S> state = new RegisteredState<>(name, mode, serializer);
        OperatorStatePartProto part = restored.get(name);
        if (part != null) {
            requireMode(name, part.getMode(), mode, "restored");
            for (ByteString b : part.getElementsList()) {
                state.elements.add(serializer.deserialize(new DataInputDeserializer(b.toByteArray())));
            }
            restored.remove(name);
        }
        registered.put(name, state);
        return state;
    }

    private static void requireMode(String name, OperatorStatePartProto.Mode was, OperatorStatePartProto.Mode requested, String how) {
        if (was != requested) {
            throw new IllegalStateException("Operator state '" + name + "' was " + how + " as " + describe(was) + " and is now requested as "
                    + describe(requested) + "; keep the kind of a state (getListState or getUnionListState) or use a different name");
        }
    }

    private static String describe(OperatorStatePartProto.Mode mode) {
        switch (mode) {
            case SPLIT_DISTRIBUTE:
                return "a split list state (getListState)";
            case UNION:
                return "a union list state (getUnionListState)";
            case BROADCAST:
                return "a broadcast state (getBroadcastState)";
            default:
                return mode + " state";
        }
    }

    @Override
    public Set<String> getRegisteredStateNames() {
        return Collections.unmodifiableSet(new TreeSet<>(registered.keySet()));
    }

    /** True when nothing is registered and nothing restored is pending. */
    public boolean isEmpty() {
        return registered.isEmpty() && restored.isEmpty() && broadcastStates.isEmpty();
    }

    /** Serializes every state (and writes back undecoded restored parts). Task thread. */
    public List<OperatorStatePartProto> snapshot() throws IOException {
        List<OperatorStatePartProto> parts = new ArrayList<>();
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (RegisteredState<?> s : registered.values()) {
            parts.add(s.toPart(out));
        }
        for (HeapBroadcastState<?, ?> b : broadcastStates.values()) {
            parts.add(b.toPart(out));
        }
        parts.addAll(restored.values());
        return parts;
    }

    /** Releases all elements. */
    public void dispose() {
        registered.clear();
        restored.clear();
        broadcastStates.clear();
    }

    /** One list state: its elements in order. */
    private static final class RegisteredState<S> implements ListState<S> {
        private final String name;
        private final OperatorStatePartProto.Mode mode;
        private final TypeSerializer<S> serializer;
        private final List<S> elements = new ArrayList<>();

        RegisteredState(String name, OperatorStatePartProto.Mode mode, TypeSerializer<S> serializer) {
            this.name = name;
            this.mode = mode;
            this.serializer = serializer;
        }

        @Override
        public Iterable<S> get() {
            return Collections.unmodifiableList(elements);
        }

        @Override
        public void add(S value) {
            elements.add(Objects.requireNonNull(value, "You cannot add null to a ListState."));
        }

        @Override
        public void update(List<S> values) {
            elements.clear();
            addAll(values);
        }

        @Override
        public void addAll(List<S> values) {
            if (values != null) {
                for (S v : values) {
                    add(v);
                }
            }
        }

        @Override
        public void clear() {
            elements.clear();
        }

        OperatorStatePartProto toPart(DataOutputSerializer out) throws IOException {
            OperatorStatePartProto.Builder b = OperatorStatePartProto.newBuilder().setName(name).setMode(mode);
            for (S e : elements) {
                out.clear();
                serializer.serialize(e, out);
                b.addElements(ByteString.copyFrom(out.getSharedBuffer(), 0, out.length()));
            }
            return b.build();
        }
    }
}

package dev.eddy.api.common.state;

import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.tuple.Tuple1;
import dev.eddy.api.java.typeutils.MapTypeInfo;
import dev.eddy.api.java.typeutils.TupleTypeInfo;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Broadcast state kept in a union list state of one element: a holder whose map is the live
 * broadcast state, so each snapshot serializes the map as it is at that moment. On restore the
 * union list holds every old subtask's copy; the first is adopted and the others dropped (the
 * copies are equal as long as only the broadcast side changed them). Backs the default
 * {@link OperatorStateStore#getBroadcastState}. Task thread only.
 */
final class UnionListBroadcastState<K, V> implements BroadcastState<K, V> {
    /** Prefix of the union list state's name, so it never clashes with a user's list state. */
    static final String NAME_PREFIX = "_broadcast_state_";

    private final Map<K, V> map;

    private UnionListBroadcastState(Map<K, V> map) {
        this.map = map;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <K, V> BroadcastState<K, V> create(OperatorStateStore store, MapStateDescriptor<K, V> descriptor) throws Exception {
        Objects.requireNonNull(descriptor, "broadcast state descriptor");
        TupleTypeInfo<Tuple1<Map<K, V>>> holderType = new TupleTypeInfo(Tuple1.class,
                new MapTypeInfo<>(descriptor.getKeyTypeInformation(), descriptor.getValueTypeInformation()));
        ListState<Tuple1<Map<K, V>>> list = store.getUnionListState(
                new ListStateDescriptor<>(NAME_PREFIX + descriptor.getName(), holderType));
        Iterator<Tuple1<Map<K, V>>> copies = list.get().iterator();
        Tuple1<Map<K, V>> holder = copies.hasNext() ? copies.next() : null;
        if (holder == null || copies.hasNext() || !(holder.f0 instanceof HashMap)) {
            // First use, or just restored: keep exactly one mutable copy.
            Map<K, V> adopted = holder == null || holder.f0 == null ? new HashMap<>() : new HashMap<>(holder.f0);
            holder = Tuple1.of(adopted);
            list.update(List.of(holder));
        }
        return new UnionListBroadcastState<>(holder.f0);
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public boolean contains(K key) {
        return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
        return Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public void put(K key, V value) {
        map.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> entries) {
        map.putAll(entries);
    }

    @Override
    public void remove(K key) {
        map.remove(key);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return map.entrySet().iterator();
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return map.entrySet();
    }

    @Override
    public void clear() {
        map.clear();
    }
}

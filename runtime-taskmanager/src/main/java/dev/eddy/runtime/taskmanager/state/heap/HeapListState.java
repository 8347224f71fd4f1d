package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.runtime.state.internal.InternalListState;
import dev.eddy.runtime.taskmanager.state.NamespaceMerge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@link dev.eddy.api.common.state.ListState} on the heap: one {@link ArrayList} per key and
 * namespace, never empty (an emptied list is removed). {@link #get()} returns a read-only view;
 * {@link #getInternal()} the stored list itself. Task thread only.
 */
final class HeapListState<K, N, T> implements InternalListState<K, N, T> {
    private final CurrentKeyEntry<K, List<T>> entry;

    HeapListState(CurrentKeyEntry<K, List<T>> entry) {
        this.entry = entry;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        entry.setNamespace(namespace);
    }

    /** The stored list (mutable, never empty) or null; changing it changes the state. */
    @Override
    public List<T> getInternal() {
        return entry.get();
    }

    @Override
    public void updateInternal(List<T> value) {
        update(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        NamespaceMerge.merge(this, (N) entry.getNamespace(), target, sources, HeapListState::concat);
    }

    static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }

    @Override
    public Iterable<T> get() {
        List<T> list = entry.get();
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    @Override
    public void add(T value) {
        Objects.requireNonNull(value, "You cannot add null to a ListState.");
        List<T> list = entry.get();
        if (list == null) {
            list = new ArrayList<>();
            entry.put(list);
        }
        list.add(value);
    }

    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        entry.put(copyWithoutNulls(values));
    }

    @Override
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        List<T> added = copyWithoutNulls(values);
        List<T> list = entry.get();
        if (list == null) {
            entry.put(added);
        } else {
            list.addAll(added);
        }
    }

    @Override
    public void clear() {
        entry.remove();
    }

    private static <T> List<T> copyWithoutNulls(List<T> values) {
        List<T> copy = new ArrayList<>(values.size());
        for (T v : values) {
            copy.add(Objects.requireNonNull(v, "You cannot add null to a ListState."));
        }
        return copy;
    }
}

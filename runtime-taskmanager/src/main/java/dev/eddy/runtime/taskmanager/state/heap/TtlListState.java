package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.runtime.state.internal.InternalListState;
import dev.eddy.runtime.taskmanager.state.NamespaceMerge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * {@link dev.eddy.api.common.state.ListState} with TTL on the heap: every element carries its own timestamp and expires on its
 * own. Reading drops expired elements from the stored list (returning them once with
 * ReturnExpiredIfNotCleanedUp); an emptied list is removed. {@link #get()} returns a copy.
 * Task thread only.
 */
final class TtlListState<K, N, T> implements InternalListState<K, N, T> {
    private final CurrentKeyEntry<K, List<TtlValue<T>>> entry;
    private final TtlContext ttl;

    TtlListState(CurrentKeyEntry<K, List<TtlValue<T>>> entry, TtlContext ttl) {
        this.entry = entry;
        this.ttl = ttl;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        entry.setNamespace(namespace);
    }

    /** A new list of the visible elements (see {@link #get()}), or null when none. */
    @Override
    public List<T> getInternal() {
        List<T> visible = new ArrayList<>();
        get().forEach(visible::add);
        return visible.isEmpty() ? null : visible;
    }

    /** Replaces the elements, each stamped now. */
    @Override
    public void updateInternal(List<T> value) {
        update(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        NamespaceMerge.merge(this, (N) entry.getNamespace(), target, sources, HeapListState::concat);
    }

    /** What incremental cleanup keeps of a stored list: the unexpired elements, or null when none. */
    static UnaryOperator<Object> expiryFilter(TtlContext ttl) {
        return stored -> {
            @SuppressWarnings("unchecked")
            List<TtlValue<?>> list = (List<TtlValue<?>>) stored;
            long now = ttl.now();
            list.removeIf(v -> ttl.isExpired(v, now));
            return list.isEmpty() ? null : list;
        };
    }

    @Override
    public Iterable<T> get() {
        try {
            List<TtlValue<T>> list = entry.get();
            if (list == null) {
                return List.of();
            }
            long now = ttl.now();
            List<T> visible = new ArrayList<>(list.size());
            List<TtlValue<T>> kept = new ArrayList<>(list.size());
            for (TtlValue<T> v : list) {
                if (!ttl.isExpired(v, now)) {
                    ttl.onRead(v, now);
                    kept.add(v);
                    visible.add(v.getValue());
                } else if (ttl.returnExpired()) {
                    visible.add(v.getValue());
                }
            }
            if (kept.isEmpty()) {
                entry.remove();
            } else if (kept.size() < list.size()) {
                entry.put(kept);
            }
            return Collections.unmodifiableList(visible);
        } finally {
            ttl.afterAccess();
        }
    }

    @Override
    public void add(T value) {
        Objects.requireNonNull(value, "You cannot add null to a ListState.");
        List<TtlValue<T>> list = entry.get();
        if (list == null) {
            list = new ArrayList<>();
            entry.put(list);
        }
        list.add(ttl.wrap(value));
        ttl.afterAccess();
    }

    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        entry.put(wrapAll(values));
        ttl.afterAccess();
    }

    @Override
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        List<TtlValue<T>> added = wrapAll(values);
        List<TtlValue<T>> list = entry.get();
        if (list == null) {
            entry.put(added);
        } else {
            list.addAll(added);
        }
        ttl.afterAccess();
    }

    @Override
    public void clear() {
        entry.remove();
        ttl.afterAccess();
    }

    private List<TtlValue<T>> wrapAll(List<T> values) {
        long now = ttl.now();
        List<TtlValue<T>> wrapped = new ArrayList<>(values.size());
        for (T v : values) {
            wrapped.add(new TtlValue<>(Objects.requireNonNull(v, "You cannot add null to a ListState."), now));
        }
        return wrapped;
    }
}

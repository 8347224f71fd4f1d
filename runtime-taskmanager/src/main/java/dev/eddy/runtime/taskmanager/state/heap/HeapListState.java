package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.api.common.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@link ListState} on the heap: one {@link ArrayList} per key, never empty (an emptied list is
 * removed). {@link #get()} returns a read-only view. Task thread only.
 */
final class HeapListState<K, T> implements ListState<T> {
    private final CurrentKeyEntry<K, List<T>> entry;

    HeapListState(CurrentKeyEntry<K, List<T>> entry) {
        this.entry = entry;
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

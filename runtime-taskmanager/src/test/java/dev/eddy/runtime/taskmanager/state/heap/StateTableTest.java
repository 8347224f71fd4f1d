package dev.eddy.runtime.taskmanager.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.runtime.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateTableTest {
    private static Map<String, Object> contents(KeyNamespaceMap<Long, Object> map) {
        Map<String, Object> out = new HashMap<>();
        map.forEach((k, n, v) -> out.put(k + "/" + n, v));
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPinnedKeyGroupStaysAsItWasWhileTheTableChanges() throws Exception {
        StateTable<Long, Object> table = new StateTable<>(new KeyGroupRange(0, 1));
        table.setValueCopier(v -> v instanceof List<?> l ? new ArrayList<>(l) : v);
        for (long k = 0; k < 20; k++) {
            table.put(0, k, "w", new ArrayList<>(List.of(k)));
            table.put(1, k, null, k);
        }
        StateTable.Pinned<Long, Object> pinned = table.pinForSnapshot();
        Map<String, Object> before0 = contents(pinned.getKeyGroup(0));
        Map<String, Object> before1 = contents(pinned.getKeyGroup(1));

        ((List<Long>) table.get(0, 3L, "w")).add(99L); // a state mutating a value it read
        table.compute(0, 4L, "w", cur -> List.of(-4L));
        table.remove(0, 5L, "w");
        table.put(0, 100L, "w", List.of(100L));
        for (long k = 0; k < 500; k++) {
            table.put(1, k, null, -k); // grows the copy
        }

        assertThat(contents(pinned.getKeyGroup(0))).isEqualTo(before0);
        assertThat(contents(pinned.getKeyGroup(1))).isEqualTo(before1);
        assertThat(pinned.getKeyGroup(0).get(3L, "w")).isEqualTo(List.of(3L));
        assertThat(table.get(0, 3L, "w")).isEqualTo(List.of(3L, 99L));
        assertThat(table.get(0, 4L, "w")).isEqualTo(List.of(-4L));
        assertThat(table.get(0, 5L, "w")).isNull();
        assertThat(table.size()).isEqualTo(20 + 500);

        pinned.release();
        KeyNamespaceMap<Long, Object> current = table.getKeyGroup(1);
        table.put(1, 7L, null, 7L);
        assertThat(table.getKeyGroup(1)).as("unpinned: changed in place").isSameAs(current);
        assertThat(current.get(7L, null)).isEqualTo(7L);
    }

    @Test
    void keyGroupsWithoutEntriesReadAsEmpty() {
        StateTable<Long, Object> table = new StateTable<>(new KeyGroupRange(4, 7));
        assertThat(table.getKeyGroup(5).size()).isZero();
        assertThat(table.get(5, 1L, null)).isNull();
        table.remove(5, 1L, null);
        table.put(6, 1L, "n", "v");
        StateTable.Pinned<Long, Object> pinned = table.pinForSnapshot();
        assertThat(pinned.getKeyGroup(4).isEmpty()).isTrue();
        assertThat(pinned.getKeyGroup(6).get(1L, "n")).isEqualTo("v");
        assertThat(pinned.getKeyGroup(6).get(1L, null)).isNull();
        pinned.release();
    }
}

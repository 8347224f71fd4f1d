package dev.eddy.runtime.taskmanager.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.runtime.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    @Test
    void writesWhilePinnedGoToAnOverlayThatIsFoldedIntoTheSameMapAfterRelease() throws Exception {
        StateTable<Long, Object> table = new StateTable<>(new KeyGroupRange(0, 0));
        for (long k = 0; k < 100; k++) {
            table.put(0, k, null, k);
        }
        StateTable.Pinned<Long, Object> pinned = table.pinForSnapshot();
        KeyNamespaceMap<Long, Object> frozen = pinned.getKeyGroup(0);
        table.put(0, 1L, null, -1L);
        table.remove(0, 2L, null);
        table.compute(0, 3L, null, v -> (Long) v + 1000);
        table.put(0, 500L, null, 500L);
        assertThat(frozen.get(1L, null)).isEqualTo(1L);
        assertThat(frozen.get(2L, null)).isEqualTo(2L);
        assertThat(frozen.get(500L, null)).isNull();
        assertThat(table.get(0, 1L, null)).isEqualTo(-1L);
        assertThat(table.get(0, 2L, null)).isNull();
        assertThat(table.get(0, 3L, null)).isEqualTo(1003L);
        pinned.release();
        assertThat(table.get(0, 4L, null)).isEqualTo(4L);
        assertThat(table.getKeyGroup(0)).as("no copy of the key group was made").isSameAs(frozen);
        assertThat(frozen.get(1L, null)).isEqualTo(-1L);
        assertThat(frozen.get(2L, null)).isNull();
        assertThat(frozen.get(500L, null)).isEqualTo(500L);
        assertThat(frozen.size()).isEqualTo(100);
    }

    @Test
    @SuppressWarnings("unchecked")
    void randomOperationsAndOverlappingSnapshotsAgreeWithAModel() throws Exception {
        StateTable<Long, Object> table = new StateTable<>(new KeyGroupRange(0, 3));
        table.setValueCopier(v -> v instanceof List<?> l ? new ArrayList<>(l) : v);
        Map<String, List<Long>> model = new HashMap<>();
        List<StateTable.Pinned<Long, Object>> pins = new ArrayList<>();
        List<Map<String, List<Long>>> expectedPins = new ArrayList<>();
        Random random = new Random(11);
        for (int op = 0; op < 50_000; op++) {
            int kg = random.nextInt(4);
            long key = random.nextInt(60);
            String ns = "n" + random.nextInt(3);
            String id = kg + ":" + key + "/" + ns;
            int dice = random.nextInt(100);
            if (dice < 30) {
                List<Long> v = (List<Long>) table.get(kg, key, ns);
                assertThat(v).as("op %d %s", op, id).isEqualTo(model.get(id));
                if (v != null && random.nextBoolean()) {
                    v.add((long) op); // in-place mutation of a value read, as list state does
                    model.get(id).add((long) op);
                }
            } else if (dice < 55) {
                List<Long> v = new ArrayList<>(List.of((long) op));
                table.put(kg, key, ns, v);
                model.put(id, new ArrayList<>(v));
            } else if (dice < 75) {
                long add = op;
                table.compute(kg, key, ns, cur -> {
                    List<Long> next = cur == null ? new ArrayList<>() : (List<Long>) cur;
                    next.add(add);
                    return next;
                });
                model.computeIfAbsent(id, x -> new ArrayList<>()).add(add);
            } else if (dice < 90) {
                table.remove(kg, key, ns);
                model.remove(id);
            } else if (dice < 95 && pins.size() < 2) {
                pins.add(table.pinForSnapshot());
                Map<String, List<Long>> copy = new HashMap<>();
                model.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
                expectedPins.add(copy);
            } else if (!pins.isEmpty()) {
                int which = random.nextInt(pins.size());
                assertThat(pinnedContents(pins.get(which))).as("snapshot at op %d", op).isEqualTo(expectedPins.get(which));
                pins.remove(which).release();
                expectedPins.remove(which);
            }
        }
        for (int i = 0; i < pins.size(); i++) {
            assertThat(pinnedContents(pins.get(i))).isEqualTo(expectedPins.get(i));
        }
        assertThat(table.size()).isEqualTo(model.size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Long>> pinnedContents(StateTable.Pinned<Long, Object> pinned) {
        Map<String, List<Long>> out = new HashMap<>();
        for (int kg = 0; kg < 4; kg++) {
            int g = kg;
            pinned.getKeyGroup(kg).forEach((k, n, v) -> out.put(g + ":" + k + "/" + n, new ArrayList<>((List<Long>) v)));
        }
        return out;
    }
}

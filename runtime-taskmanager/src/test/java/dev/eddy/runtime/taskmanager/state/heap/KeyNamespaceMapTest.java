package dev.eddy.runtime.taskmanager.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyNamespaceMapTest {
    /** A key whose hash code is chosen by the test, so that distinct keys collide. */
    private record Key(int id, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.id == id;
        }
    }

    private static Map<List<Object>, Object> contents(KeyNamespaceMap<Object, Object> map) {
        Map<List<Object>, Object> out = new HashMap<>();
        map.forEach((k, n, v) -> assertThat(out.put(java.util.Arrays.asList(k, n), v)).as("each pair once").isNull());
        return out;
    }

    @Test
    void agreesWithAHashMapUnderRandomOperationsWithCollidingHashes() throws Exception {
        Random random = new Random(3);
        KeyNamespaceMap<Object, Object> map = new KeyNamespaceMap<>();
        Map<List<Object>, Object> model = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            int id = random.nextInt(i < 100_000 ? 2_000 : 60); // grow, then shrink to few keys: long probe runs get deleted
            Object key = random.nextBoolean() ? new Key(id, id % 7) : (Object) (long) id; // few distinct hash codes
            Object ns = random.nextInt(4) == 0 ? null : "w" + random.nextInt(5);
            List<Object> pair = java.util.Arrays.asList(key, ns);
            switch (random.nextInt(i < 100_000 ? 5 : 7)) {
                case 0 -> {
                    Integer v = random.nextInt();
                    map.put(key, ns, v);
                    model.put(pair, v);
                }
                case 1 -> {
                    map.compute(key, ns, cur -> cur == null ? 1 : (Integer) cur + 1);
                    model.merge(pair, 1, (a, b) -> (Integer) a + 1);
                    assertThat(map.get(key, ns)).isEqualTo(model.get(pair));
                }
                case 2 -> assertThat(map.get(key, ns)).isEqualTo(model.get(pair));
                default -> assertThat(map.remove(key, ns)).isEqualTo(model.remove(pair) != null);
            }
            if (i % 10_000 == 0) {
                assertThat(contents(map)).isEqualTo(model);
            }
            assertThat(map.size()).isEqualTo(model.size());
        }
        assertThat(contents(map)).isEqualTo(model);
        for (Map.Entry<List<Object>, Object> e : model.entrySet()) {
            assertThat(map.get(e.getKey().get(0), e.getKey().get(1))).isEqualTo(e.getValue());
        }
        Object[] pairs = map.keyNamespacePairs();
        assertThat(pairs).hasSize(model.size() * 2);
        for (int i = 0; i < pairs.length; i += 2) {
            assertThat(model).containsKey(java.util.Arrays.asList(pairs[i], pairs[i + 1]));
        }
    }

    @Test
    void sequentialKeysInManyNamespacesGrowAndShrinkBackToEmpty() {
        KeyNamespaceMap<Object, Object> map = new KeyNamespaceMap<>();
        for (long k = 0; k < 50_000; k++) {
            for (long w = 0; w < 5; w++) {
                map.put(k, w * 2_000, k + w);
            }
        }
        assertThat(map.size()).isEqualTo(250_000);
        assertThat(map.get(49_999L, 8_000L)).isEqualTo(50_003L);
        assertThat(map.get(49_999L, 9_000L)).isNull();
        for (long k = 0; k < 50_000; k++) {
            for (long w = 0; w < 5; w++) {
                assertThat(map.remove(k, w * 2_000)).isTrue();
            }
        }
        assertThat(map.isEmpty()).isTrue();
        assertThat(contents(map)).isEmpty();
    }

    @Test
    void computeIsOneUpdateThatAFailureOrANullResultLeavesUnchanged() throws Exception {
        KeyNamespaceMap<Object, Object> map = new KeyNamespaceMap<>();
        map.compute(1L, "w", cur -> cur == null ? 10 : 99);
        map.compute(1L, "w", cur -> (Integer) cur + 1);
        assertThat(map.get(1L, "w")).isEqualTo(11);
        assertThatThrownBy(() -> map.compute(1L, "w", cur -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThatThrownBy(() -> map.compute(2L, "w", cur -> null)).isInstanceOf(NullPointerException.class);
        assertThat(map.get(1L, "w")).isEqualTo(11);
        assertThat(map.get(2L, "w")).isNull();
        assertThat(map.size()).isEqualTo(1);
    }

    @Test
    void anUpdateThatChangesTheMapItselfStillStoresItsResult() throws Exception {
        KeyNamespaceMap<Object, Object> map = new KeyNamespaceMap<>();
        map.compute(0L, null, cur -> {
            for (long k = 1; k < 100; k++) {
                map.put(k, null, k); // grows the map under the pending update
            }
            return -1L;
        });
        assertThat(map.size()).isEqualTo(100);
        assertThat(map.get(0L, null)).isEqualTo(-1L);
        assertThat(map.get(99L, null)).isEqualTo(99L);
    }

    @Test
    void putOfNullRemoves() {
        KeyNamespaceMap<Object, Object> map = new KeyNamespaceMap<>();
        map.put("k", null, "v");
        map.put("k", null, null);
        assertThat(map.size()).isZero();
        assertThat(map.get("k", null)).isNull();
    }
}

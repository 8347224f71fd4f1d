package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimerBucketTest {
    private static List<String> contents(TimerBucket b) {
        List<String> out = new ArrayList<>();
        b.forEach((k, n) -> out.add(k + "/" + n));
        return out;
    }

    private static List<String> drain(InternalTimerQueue<Long, String> q) {
        List<String> out = new ArrayList<>();
        for (TimerHeapInternalTimer<Long, String> t; (t = q.pollIfDue(Long.MAX_VALUE)) != null; ) {
            out.add(t.getTimestamp() + ":" + t.getKey() + "/" + t.getNamespace());
        }
        return out;
    }

    @Test
    void growsKeepingRegistrationOrderAndDedup() {
        TimerBucket b = new TimerBucket(0L, "w", 1L, "w");
        for (long k = 2; k < 10_000; k++) {
            assertThat(b.add(k, "w")).isTrue();
        }
        for (long k = 0; k < 10_000; k += 7) {
            assertThat(b.add(k, "w")).as("already held").isFalse();
        }
        assertThat(b.size()).isEqualTo(10_000);
        List<String> got = contents(b);
        assertThat(got).hasSize(10_000);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).isEqualTo(i + "/w");
        }
    }

    @Test
    void tombstonesAreSkippedAndDroppedByARebuild() {
        TimerBucket b = new TimerBucket(0L, "w", 1L, "w");
        for (long k = 2; k < 100; k++) {
            b.add(k, "w");
        }
        for (long k = 0; k < 100; k++) {
            if (k % 3 != 0) {
                assertThat(b.remove(k, "w")).isTrue();
                assertThat(b.remove(k, "w")).isFalse();
            }
        }
        assertThat(b.size()).isEqualTo(34);
        // many adds and removes at a steady size force rebuilds that compact in place
        for (long k = 1000; k < 5000; k++) {
            assertThat(b.add(k, "w")).isTrue();
            assertThat(b.remove(k, "w")).isTrue();
        }
        List<String> expected = new ArrayList<>();
        for (long k = 0; k < 100; k += 3) {
            expected.add(k + "/w");
            assertThat(b.add(k, "w")).isFalse();
        }
        assertThat(contents(b)).isEqualTo(expected);
        int slot = b.firstSlot();
        assertThat(b.keyAt(slot)).isEqualTo(0L);
        b.kill(slot);
        assertThat(b.keyAt(b.firstSlot())).isEqualTo(3L);
    }

    @Test
    void aRemovedTimerAddedAgainFiresAfterTheOthersOfItsTimestamp() {
        InternalTimerQueue<Long, String> q = new InternalTimerQueue<>();
        q.add(1L, "w", 10);
        q.add(2L, "w", 10);
        q.add(3L, "w", 10);
        assertThat(q.remove(1L, "w", 10)).isTrue();
        assertThat(q.add(1L, "w", 10)).isTrue();
        assertThat(q.remove(3L, "w", 10)).isTrue();
        q.add(4L, "v", 10);
        q.add(3L, "w", 10);
        assertThat(drain(q)).containsExactly("10:2/w", "10:1/w", "10:4/v", "10:3/w");
    }

    @Test
    void fireOrderMatchesInsertionOrderedSetsUnderRandomOperations() {
        Random random = new Random(11);
        InternalTimerQueue<Long, String> q = new InternalTimerQueue<>();
        TreeMap<Long, LinkedHashSet<String>> model = new TreeMap<>();
        for (int i = 0; i < 50_000; i++) {
            long ts = random.nextInt(8);
            long key = random.nextInt(300);
            String ns = "n" + random.nextInt(2);
            String pair = key + "/" + ns;
            int op = random.nextInt(10);
            if (op < 6) {
                assertThat(q.add(key, ns, ts)).isEqualTo(model.computeIfAbsent(ts, t -> new LinkedHashSet<>()).add(pair));
            } else if (op < 9) {
                LinkedHashSet<String> set = model.get(ts);
                boolean had = set != null && set.remove(pair);
                if (set != null && set.isEmpty()) {
                    model.remove(ts);
                }
                assertThat(q.remove(key, ns, ts)).isEqualTo(had);
            } else {
                TimerHeapInternalTimer<Long, String> t = q.pollIfDue(random.nextInt(8));
                if (t != null) {
                    LinkedHashSet<String> first = model.firstEntry().getValue();
                    String expected = first.iterator().next();
                    assertThat(model.firstKey() + ":" + expected).isEqualTo(t.getTimestamp() + ":" + t.getKey() + "/" + t.getNamespace());
                    first.remove(expected);
                    if (first.isEmpty()) {
                        model.pollFirstEntry();
                    }
                }
            }
        }
        List<String> expected = new ArrayList<>();
        model.forEach((ts, set) -> set.forEach(p -> expected.add(ts + ":" + p)));
        List<String> viaForEach = new ArrayList<>();
        q.forEachTimer((k, n, ts) -> viaForEach.add(ts + ":" + k + "/" + n));
        assertThat(viaForEach).isEqualTo(expected);
        assertThat(q.size()).isEqualTo(expected.size());
        assertThat(drain(q)).isEqualTo(expected);
    }
}

package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class InternalTimerQueueTest {
    private static List<String> drain(InternalTimerQueue<String, String> q, long upTo) {
        List<String> fired = new ArrayList<>();
        for (TimerHeapInternalTimer<String, String> t; (t = q.pollIfDue(upTo)) != null; ) {
            fired.add(t.getKey() + "/" + t.getNamespace() + "@" + t.getTimestamp());
        }
        return fired;
    }

    @Test
    void firesByTimestampThenRegistrationOrderAndHoldsEachTripleOnce() {
        InternalTimerQueue<String, String> q = new InternalTimerQueue<>();
        assertThat(q.add("b", "w", 20)).isTrue();
        assertThat(q.add("a", "w", 10)).isTrue();
        assertThat(q.add("c", "w", 20)).isTrue();
        assertThat(q.add("c", "w", 20)).isFalse(); // repeat of the last added
        assertThat(q.add("b", "w", 20)).isFalse(); // repeat of an older one in a shared bucket
        assertThat(q.add("a", "w", 10)).isFalse(); // repeat of a single-timer bucket
        assertThat(q.add("a", "v", 20)).isTrue();
        assertThat(q.size()).isEqualTo(4);
        assertThat(q.headTimestamp()).isEqualTo(10);
        List<String> order = new ArrayList<>();
        q.forEach(t -> order.add(t.getKey() + "/" + t.getNamespace() + "@" + t.getTimestamp()));
        assertThat(order).containsExactly("a/w@10", "b/w@20", "c/w@20", "a/v@20");
        assertThat(drain(q, 15)).containsExactly("a/w@10");
        assertThat(drain(q, 25)).containsExactly("b/w@20", "c/w@20", "a/v@20");
        assertThat(q.size()).isZero();
        assertThat(q.headTimestamp()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aFiredOrRemovedTimerCanBeRegisteredAgain() {
        InternalTimerQueue<String, String> q = new InternalTimerQueue<>();
        q.add("k", "n", 5);
        assertThat(drain(q, 5)).containsExactly("k/n@5");
        assertThat(q.add("k", "n", 5)).as("the last added timer fired; adding it again is new").isTrue();
        assertThat(q.remove("k", "n", 5)).isTrue();
        assertThat(q.remove("k", "n", 5)).isFalse();
        assertThat(q.add("k", "n", 5)).isTrue();
        assertThat(q.size()).isEqualTo(1);
    }

    @Test
    void agreesWithASortedSetUnderRandomOperations() {
        Random random = new Random(7);
        InternalTimerQueue<String, String> q = new InternalTimerQueue<>();
        TreeSet<String> model = new TreeSet<>(); // "timestamp(padded)|key|ns" — order within a timestamp not compared
        for (int i = 0; i < 20_000; i++) {
            long ts = random.nextInt(50);
            String key = "k" + random.nextInt(20);
            String ns = "n" + random.nextInt(3);
            String id = String.format("%03d|%s|%s", ts, key, ns);
            switch (random.nextInt(4)) {
                case 0, 1 -> assertThat(q.add(key, ns, ts)).isEqualTo(model.add(id));
                case 2 -> assertThat(q.remove(key, ns, ts)).isEqualTo(model.remove(id));
                default -> {
                    long upTo = random.nextInt(50);
                    for (TimerHeapInternalTimer<String, String> t; (t = q.pollIfDue(upTo)) != null; ) {
                        String polled = String.format("%03d|%s|%s", t.getTimestamp(), t.getKey(), t.getNamespace());
                        assertThat(model.first()).startsWith(String.format("%03d|", t.getTimestamp()));
                        assertThat(model.remove(polled)).isTrue();
                    }
                    assertThat(model.isEmpty() || Long.parseLong(model.first().substring(0, 3)) > upTo).isTrue();
                }
            }
            assertThat(q.size()).isEqualTo(model.size());
        }
    }
}

package dev.eddy.runtime.taskmanager.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.state.AggregatingState;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapTtlStateTest {
    private static final long TTL = 10;
    private long now;
    private final HeapKeyedStateBackend<Long> backend =
            HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0, () -> now);

    /** TTL of 10 ms without background cleanup, so only accesses remove expired values. */
    private static StateTtlConfig.Builder ttl() {
        return StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).disableCleanupInBackground();
    }

    private static <D extends StateDescriptor<?, ?>> D withTtl(D descriptor, StateTtlConfig config) {
        descriptor.enableTimeToLive(config);
        return descriptor;
    }

    private ValueState<Long> valueState(StateTtlConfig config) {
        return backend.getPartitionedState(withTtl(new ValueStateDescriptor<>("v", Long.class), config));
    }

    @Test
    void valueExpiresAfterTheTtlAndIsRemovedOnAccess() throws Exception {
        ValueState<Long> state = valueState(ttl().build());
        backend.setCurrentKey(1L);
        state.update(42L);
        now = TTL - 1;
        assertThat(state.value()).isEqualTo(42L);
        now = TTL;
        assertThat(backend.getStateTable("v").size()).isEqualTo(1);
        assertThat(state.value()).isNull();
        assertThat(backend.getStateTable("v").size()).isZero();
    }

    @Test
    void writeRefreshesTheTimestamp() throws Exception {
        ValueState<Long> state = valueState(ttl().build());
        backend.setCurrentKey(1L);
        state.update(1L);
        now = 8;
        state.update(2L);
        now = 17;
        assertThat(state.value()).isEqualTo(2L);
        now = 18;
        assertThat(state.value()).isNull();
    }

    @Test
    void onCreateAndWriteDoesNotExtendLifeOnRead() throws Exception {
        ValueState<Long> state = valueState(ttl().updateTtlOnCreateAndWrite().build());
        backend.setCurrentKey(1L);
        state.update(7L);
        now = 6;
        assertThat(state.value()).isEqualTo(7L);
        now = 12;
        assertThat(state.value()).isNull();
    }

    @Test
    void onReadAndWriteExtendsLifeOnRead() throws Exception {
        ValueState<Long> state = valueState(ttl().updateTtlOnReadAndWrite().build());
        backend.setCurrentKey(1L);
        state.update(7L);
        now = 6;
        assertThat(state.value()).isEqualTo(7L);
        now = 12;
        assertThat(state.value()).isEqualTo(7L);
        now = 22;
        assertThat(state.value()).isNull();
    }

    @Test
    void returnExpiredIfNotCleanedUpReturnsTheExpiredValueOnceThenItIsGone() throws Exception {
        ValueState<Long> state = valueState(ttl().returnExpiredIfNotCleanedUp().build());
        backend.setCurrentKey(1L);
        state.update(5L);
        now = 50;
        assertThat(state.value()).isEqualTo(5L);
        assertThat(state.value()).isNull();
    }

    @Test
    void returnExpiredIfNotCleanedUpHidesValuesRemovedByIncrementalCleanup() throws Exception {
        ValueState<Long> state = valueState(ttl().returnExpiredIfNotCleanedUp().cleanupIncrementally(10, false).build());
        backend.setCurrentKey(1L);
        state.update(5L);
        now = 50;
        backend.setCurrentKey(2L);
        state.update(6L); // the access runs the cleanup, which drops key 1's expired value
        assertThat(backend.getStateTable("v").size()).isEqualTo(1);
        backend.setCurrentKey(1L);
        assertThat(state.value()).isNull();
    }

    @Test
    void listElementsExpireIndividually() throws Exception {
        ListState<String> state = backend.getPartitionedState(
                withTtl(new ListStateDescriptor<>("l", String.class), ttl().build()));
        backend.setCurrentKey(1L);
        state.add("a");
        now = 5;
        state.addAll(List.of("b", "c"));
        now = 9;
        assertThat(state.get()).containsExactly("a", "b", "c");
        now = 10;
        assertThat(state.get()).containsExactly("b", "c");
        state.add("d");
        now = 15;
        assertThat(state.get()).containsExactly("d");
        now = 20;
        assertThat(state.get()).isEmpty();
        assertThat(backend.getStateTable("l").size()).isZero();
        state.update(List.of("x", "y"));
        assertThat(state.get()).containsExactly("x", "y");
    }

    @Test
    void listReturnsExpiredElementsOnceWithReturnExpiredIfNotCleanedUp() throws Exception {
        ListState<String> state = backend.getPartitionedState(
                withTtl(new ListStateDescriptor<>("l", String.class), ttl().returnExpiredIfNotCleanedUp().build()));
        backend.setCurrentKey(1L);
        state.add("old");
        now = 5;
        state.add("new");
        now = 12;
        assertThat(state.get()).containsExactly("old", "new");
        assertThat(state.get()).containsExactly("new");
    }

    @Test
    void mapEntriesExpireIndividually() throws Exception {
        MapState<String, Long> state = backend.getPartitionedState(
                withTtl(new MapStateDescriptor<>("m", Types.STRING, Types.LONG), ttl().build()));
        backend.setCurrentKey(1L);
        state.put("a", 1L);
        now = 5;
        state.putAll(Map.of("b", 2L, "c", 3L));
        now = 10;
        assertThat(state.get("a")).isNull();
        assertThat(state.contains("a")).isFalse();
        assertThat(state.contains("b")).isTrue();
        assertThat(state.keys()).containsExactlyInAnyOrder("b", "c");
        assertThat(state.values()).containsExactlyInAnyOrder(2L, 3L);
        state.put("c", 30L);
        now = 15;
        assertThat(state.entries()).containsExactly(Map.entry("c", 30L));
        assertThat(state.isEmpty()).isFalse();
        now = 20;
        assertThat(state.isEmpty()).isTrue();
        assertThat(backend.getStateTable("m").size()).isZero();
    }

    @Test
    void mapIteratorRemoveRemovesFromTheState() throws Exception {
        MapState<String, Long> state = backend.getPartitionedState(
                withTtl(new MapStateDescriptor<>("m", Types.STRING, Types.LONG), ttl().build()));
        backend.setCurrentKey(1L);
        state.putAll(Map.of("a", 1L, "b", 2L));
        for (Iterator<Map.Entry<String, Long>> it = state.iterator(); it.hasNext(); ) {
            if (it.next().getKey().equals("a")) {
                it.remove();
            }
        }
        assertThat(state.keys()).containsExactly("b");
    }

    @Test
    void mapOnReadAndWriteExtendsTheReadEntryOnly() throws Exception {
        MapState<String, Long> state = backend.getPartitionedState(
                withTtl(new MapStateDescriptor<>("m", Types.STRING, Types.LONG), ttl().updateTtlOnReadAndWrite().build()));
        backend.setCurrentKey(1L);
        state.put("read", 1L);
        state.put("unread", 2L);
        now = 8;
        assertThat(state.get("read")).isEqualTo(1L);
        now = 12;
        assertThat(state.get("read")).isEqualTo(1L);
        assertThat(state.get("unread")).isNull();
    }

    @Test
    void reducingValueExpiresAndRestartsFresh() throws Exception {
        ReducingState<Long> state = backend.getPartitionedState(
                withTtl(new ReducingStateDescriptor<>("r", Long::sum, Long.class), ttl().build()));
        backend.setCurrentKey(1L);
        state.add(1L);
        now = 5;
        state.add(2L);
        now = 14;
        assertThat(state.get()).isEqualTo(3L);
        now = 15;
        assertThat(state.get()).isNull();
        state.add(4L);
        assertThat(state.get()).isEqualTo(4L);
    }

    @Test
    void aggregatingValueExpires() throws Exception {
        AggregatingState<Long, Double> state = backend.getPartitionedState(withTtl(
                new AggregatingStateDescriptor<>("a", new HeapStateKindsTest.Average(), long[].class), ttl().build()));
        backend.setCurrentKey(1L);
        state.add(2L);
        state.add(4L);
        now = 9;
        assertThat(state.get()).isEqualTo(3.0);
        now = 10;
        assertThat(state.get()).isNull();
        state.add(10L);
        assertThat(state.get()).isEqualTo(10.0);
    }

    @Test
    void incrementalCleanupOnStateAccessDropsExpiredEntriesFromTheTable() throws Exception {
        ValueState<Long> state = valueState(ttl().cleanupIncrementally(10, false).build());
        for (long k = 0; k < 100; k++) {
            backend.setCurrentKey(k);
            state.update(k);
        }
        StateTable<?, ?> table = backend.getStateTable("v");
        assertThat(table.size()).isEqualTo(100);
        now = TTL;
        backend.setCurrentKey(1000L);
        assertThat(table.size()).as("no cleanup without runCleanupForEveryRecord").isEqualTo(100);
        state.update(1000L);
        assertThat(table.size()).isBetween(91, 92);
        for (int i = 0; i < 20; i++) {
            state.value();
        }
        assertThat(table.size()).isEqualTo(1);
        assertThat(state.value()).isEqualTo(1000L);
    }

    @Test
    void incrementalCleanupForEveryRecordRunsOnSetCurrentKey() throws Exception {
        ListState<Long> state = backend.getPartitionedState(
                withTtl(new ListStateDescriptor<>("l", Long.class), ttl().cleanupIncrementally(5, true).build()));
        for (long k = 0; k < 20; k++) {
            backend.setCurrentKey(k);
            state.add(k);
        }
        now = TTL;
        for (int i = 0; i < 4; i++) {
            backend.setCurrentKey(500L);
        }
        assertThat(backend.getStateTable("l").size()).isZero();
    }

    @Test
    void defaultConfigCleansInBackgroundFiveEntriesPerAccess() throws Exception {
        ValueState<Long> state = valueState(StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).build());
        for (long k = 0; k < 20; k++) {
            backend.setCurrentKey(k);
            state.update(k);
        }
        now = TTL;
        backend.setCurrentKey(0L);
        assertThat(state.value()).isNull(); // removes key 0, then the cleanup checks 5 more entries
        assertThat(backend.getStateTable("v").size()).isBetween(14, 15);
    }

    @Test
    void withoutTtlValuesAreStoredUnwrappedAndNeverExpire() throws Exception {
        ValueState<Long> state = backend.getPartitionedState(new ValueStateDescriptor<>("v", Long.class));
        backend.setCurrentKey(7L);
        state.update(14L);
        now = Long.MAX_VALUE / 2;
        assertThat(state.value()).isEqualTo(14L);
        int kg = KeyGroupRangeAssignment.assignToKeyGroup(7L, 128);
        @SuppressWarnings("unchecked")
        StateTable<Long, Object> table = (StateTable<Long, Object>) backend.getStateTable("v");
        assertThat(table.get(kg, 7L, null)).isEqualTo(14L);
    }
}

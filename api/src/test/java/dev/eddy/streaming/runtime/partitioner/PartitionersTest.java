package dev.eddy.streaming.runtime.partitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.Partitioner;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.util.TestTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionersTest {

    private static <T> List<Integer> channels(StreamPartitioner<T> p, int n, List<T> values) {
        StreamPartitioner<T> copy = TestTypes.javaCopy(p);
        copy.setup(n);
        List<Integer> result = new ArrayList<>();
        for (T v : values) {
            result.add(copy.selectChannel(new StreamRecord<>(v)));
        }
        return result;
    }

    private static List<Integer> ints(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    @Test
    void keyGroupPartitionerAgreesWithKeyGroupRangeAssignment() {
        KeySelector<String, String> key = v -> v.split(":")[0];
        KeyGroupStreamPartitioner<String, String> p = new KeyGroupStreamPartitioner<>(key, -1);
        p.configure(128);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            values.add("k" + i + ":" + i);
        }
        for (int parallelism : new int[] {1, 3, 4, 7}) {
            List<Integer> got = channels(p, parallelism, values);
            for (int i = 0; i < values.size(); i++) {
                assertThat(got.get(i)).isEqualTo(KeyGroupRangeAssignment.assignKeyToParallelOperator("k" + i, 128, parallelism));
            }
        }
        assertThat(p.kind()).isEqualTo(PartitionKind.HASH);
        assertThat(p.isBroadcast()).isFalse();
    }

    @Test
    void keyGroupPartitionerWithoutMaxParallelismUsesTheDefaultOfItsConsumer() {
        KeyGroupStreamPartitioner<String, String> p = new KeyGroupStreamPartitioner<>(v -> v, -1);
        p.setup(200);
        assertThat(p.getMaxParallelism()).isEqualTo(KeyGroupRangeAssignment.computeDefaultMaxParallelism(200)).isEqualTo(512);
        assertThat(p.selectChannel(new StreamRecord<>("a"))).isEqualTo(KeyGroupRangeAssignment.assignKeyToParallelOperator("a", 512, 200));
        assertThatThrownBy(() -> p.configure(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rebalanceIsRoundRobinFromARandomStart() {
        Set<Integer> starts = new HashSet<>();
        for (int attempt = 0; attempt < 50; attempt++) {
            List<Integer> got = channels(new RebalancePartitioner<>(), 4, ints(8));
            for (int i = 1; i < got.size(); i++) {
                assertThat(got.get(i)).isEqualTo((got.get(i - 1) + 1) % 4);
            }
            starts.add(got.get(0));
        }
        assertThat(starts).hasSizeGreaterThan(1);
    }

    @Test
    void rescaleCyclesThroughItsChannelsFromZero() {
        assertThat(channels(new RescalePartitioner<>(), 3, ints(7))).containsExactly(0, 1, 2, 0, 1, 2, 0);
        assertThat(new RescalePartitioner<>().kind().isPointwise()).isTrue();
    }

    @Test
    void shuffleStaysInRangeAndUsesAllChannels() {
        List<Integer> got = channels(new ShufflePartitioner<>(), 5, ints(1000));
        assertThat(got).allMatch(c -> c >= 0 && c < 5);
        assertThat(new HashSet<>(got)).hasSize(5);
    }

    @Test
    void forwardAndGlobalSelectChannelZero() {
        assertThat(channels(new ForwardPartitioner<>(), 1, ints(3))).containsOnly(0);
        assertThat(channels(new GlobalPartitioner<>(), 4, ints(10))).containsOnly(0);
        assertThat(new ForwardPartitioner<>().kind()).isEqualTo(PartitionKind.FORWARD);
        assertThat(new GlobalPartitioner<>().kind()).isEqualTo(PartitionKind.GLOBAL);
    }

    @Test
    void broadcastIsBroadcastAndSelectsNoChannel() {
        BroadcastPartitioner<Integer> p = new BroadcastPartitioner<>();
        p.setup(3);
        assertThat(p.isBroadcast()).isTrue();
        assertThatThrownBy(() -> p.selectChannel(new StreamRecord<>(1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void customPartitionerUsesTheUserFunctionAndChecksItsRange() {
        Partitioner<Integer> modulo = (k, n) -> k % n;
        KeySelector<Integer, Integer> identity = v -> v;
        assertThat(channels(new CustomPartitionerWrapper<>(modulo, identity), 3, ints(6))).containsExactly(0, 1, 2, 0, 1, 2);
        Partitioner<Integer> bad = (k, n) -> n;
        CustomPartitionerWrapper<Integer, Integer> p = new CustomPartitionerWrapper<>(bad, identity);
        p.setup(2);
        assertThatThrownBy(() -> p.selectChannel(new StreamRecord<>(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[0, 2)");
    }
}

package dev.eddy.runtime.jobmanager.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.proto.PartitionType;
import dev.eddy.runtime.jobmanager.scheduler.EdgeWiring.Channel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdgeWiringTest {
    @Test
    void rescaleTwoToFour() {
        assertThat(EdgeWiring.numberOfSubpartitions(PartitionType.RESCALE, 0, 2, 4)).isEqualTo(2);
        assertThat(EdgeWiring.numberOfSubpartitions(PartitionType.RESCALE, 1, 2, 4)).isEqualTo(2);
        assertThat(EdgeWiring.channelsOf(PartitionType.RESCALE, 0, 2, 4)).containsExactly(new Channel(0, 0));
        assertThat(EdgeWiring.channelsOf(PartitionType.RESCALE, 1, 2, 4)).containsExactly(new Channel(0, 1));
        assertThat(EdgeWiring.channelsOf(PartitionType.RESCALE, 2, 2, 4)).containsExactly(new Channel(1, 0));
        assertThat(EdgeWiring.channelsOf(PartitionType.RESCALE, 3, 2, 4)).containsExactly(new Channel(1, 1));
    }

    @Test
    void rescaleFourToTwo() {
        for (int i = 0; i < 4; i++) {
            assertThat(EdgeWiring.numberOfSubpartitions(PartitionType.RESCALE, i, 4, 2)).isEqualTo(1);
        }
        assertThat(EdgeWiring.channelsOf(PartitionType.RESCALE, 0, 4, 2)).containsExactly(new Channel(0, 0), new Channel(1, 0));
        assertThat(EdgeWiring.channelsOf(PartitionType.RESCALE, 1, 4, 2)).containsExactly(new Channel(2, 0), new Channel(3, 0));
    }

    @Test
    void forwardAndAllToAll() {
        assertThat(EdgeWiring.numberOfSubpartitions(PartitionType.FORWARD, 1, 3, 3)).isEqualTo(1);
        assertThat(EdgeWiring.channelsOf(PartitionType.FORWARD, 1, 3, 3)).containsExactly(new Channel(1, 0));
        assertThat(EdgeWiring.numberOfSubpartitions(PartitionType.HASH, 0, 2, 3)).isEqualTo(3);
        assertThat(EdgeWiring.channelsOf(PartitionType.BROADCAST, 2, 2, 3)).containsExactly(new Channel(0, 2), new Channel(1, 2));
        assertThat(EdgeWiring.channelsOf(PartitionType.GLOBAL, 0, 3, 1)).containsExactly(new Channel(0, 0), new Channel(1, 0), new Channel(2, 0));
    }

    @Test
    void forwardNeedsEqualParallelism() {
        assertThat(EdgeWiring.validate(PartitionType.FORWARD, 2, 3)).contains("equal parallelism");
        assertThat(EdgeWiring.validate(PartitionType.FORWARD, 2, 2)).isNull();
        assertThat(EdgeWiring.validate(PartitionType.RESCALE, 2, 3)).isNull();
        assertThat(EdgeWiring.validate(PartitionType.PARTITION_TYPE_UNSPECIFIED, 2, 2)).contains("no partition type");
    }

    /** Every subpartition of every producer is read by exactly one consumer, whatever the parallelisms. */
    @ParameterizedTest
    @CsvSource({"RESCALE,1,5", "RESCALE,3,4", "RESCALE,4,3", "RESCALE,7,2", "RESCALE,3,3", "HASH,3,5", "REBALANCE,5,2", "SHUFFLE,2,2", "FORWARD,4,4"})
    void everySubpartitionHasExactlyOneReader(PartitionType type, int p, int c) {
        Set<Channel> read = new HashSet<>();
        for (int j = 0; j < c; j++) {
            List<Channel> channels = EdgeWiring.channelsOf(type, j, p, c);
            assertThat(channels).isNotEmpty();
            for (Channel ch : channels) {
                assertThat(read.add(ch)).as("channel %s read twice", ch).isTrue();
            }
        }
        int total = 0;
        for (int i = 0; i < p; i++) {
            int n = EdgeWiring.numberOfSubpartitions(type, i, p, c);
            assertThat(n).isPositive();
            for (int s = 0; s < n; s++) {
                assertThat(read).contains(new Channel(i, s));
            }
            total += n;
        }
        assertThat(read).hasSize(total);
    }
}

package dev.eddy.runtime.graph;

import dev.eddy.streaming.runtime.partitioner.PartitionKind;
import dev.eddy.streaming.runtime.partitioner.StreamPartitioner;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Partitioners the translator puts on edges the user left unpartitioned: forward between equal
 * parallelism, rebalance otherwise. Each producer subtask uses its own deserialized copy on its
 * task thread.
 */
final class DefaultPartitioners {
    private DefaultPartitioners() {}

    static StreamPartitioner<Object> forward() {
        return new Forward();
    }

    static StreamPartitioner<Object> rebalance() {
        return new Rebalance();
    }

    /** Producer i → consumer i: each producer subtask has exactly one channel. */
    static final class Forward extends StreamPartitioner<Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public int selectChannel(StreamRecord<Object> record) {
            return 0;
        }

        @Override
        public PartitionKind kind() {
            return PartitionKind.FORWARD;
        }
    }

    /** Round robin over all channels, starting at a random one per producer subtask. */
    static final class Rebalance extends StreamPartitioner<Object> {
        private static final long serialVersionUID = 1L;
        private int next = -1;

        @Override
        public void setup(int numberOfChannels) {
            super.setup(numberOfChannels);
            next = ThreadLocalRandom.current().nextInt(numberOfChannels);
        }

        @Override
        public int selectChannel(StreamRecord<Object> record) {
            next = next + 1 >= numberOfChannels ? 0 : next + 1;
            return next;
        }

        @Override
        public PartitionKind kind() {
            return PartitionKind.REBALANCE;
        }
    }
}

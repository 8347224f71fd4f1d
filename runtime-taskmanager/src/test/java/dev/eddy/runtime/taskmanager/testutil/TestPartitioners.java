package dev.eddy.runtime.taskmanager.testutil;

import dev.eddy.streaming.runtime.partitioner.PartitionKind;
import dev.eddy.streaming.runtime.partitioner.StreamPartitioner;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** Partitioners for tests. */
public final class TestPartitioners {
    private TestPartitioners() {}

    /** Everything to channel 0. */
    public static final class ToFirst<T> extends StreamPartitioner<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public int selectChannel(StreamRecord<T> record) {
            return 0;
        }

        @Override
        public PartitionKind kind() {
            return PartitionKind.FORWARD;
        }
    }

    /** Round robin. */
    public static final class RoundRobin<T> extends StreamPartitioner<T> {
        private static final long serialVersionUID = 1L;
        private int next;

        @Override
        public int selectChannel(StreamRecord<T> record) {
            next = (next + 1) % numberOfChannels;
            return next;
        }

        @Override
        public PartitionKind kind() {
            return PartitionKind.REBALANCE;
        }
    }

    /** Every record to every channel. */
    public static final class Broadcast<T> extends StreamPartitioner<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public int selectChannel(StreamRecord<T> record) {
            throw new AssertionError("not called for broadcast");
        }

        @Override
        public PartitionKind kind() {
            return PartitionKind.BROADCAST;
        }
    }
}

package dev.eddy.streaming.runtime.partitioner;

import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/**
 * Round robin over the consumer subtasks wired to this producer (pointwise: each producer sees
 * only its share of the consumers as its channels).
 */
public class RescalePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private int nextChannel = -1;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        nextChannel++;
        if (nextChannel >= numberOfChannels) {
            nextChannel = 0;
        }
        return nextChannel;
    }

    @Override
    public PartitionKind kind() {
        return PartitionKind.RESCALE;
    }
}

package dev.eddy.streaming.runtime.partitioner;

import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.concurrent.ThreadLocalRandom;

/** Round robin over all consumer subtasks, starting after a random channel so producers spread out. */
public class RebalancePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private int nextChannel;

    @Override
    public void setup(int numberOfChannels) {
        super.setup(numberOfChannels);
        nextChannel = ThreadLocalRandom.current().nextInt(numberOfChannels);
    }

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
        return PartitionKind.REBALANCE;
    }
}

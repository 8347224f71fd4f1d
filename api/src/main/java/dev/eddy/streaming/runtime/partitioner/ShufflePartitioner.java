package dev.eddy.streaming.runtime.partitioner;

import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.SplittableRandom;

/** A uniformly random consumer subtask per record. */
public class ShufflePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private transient SplittableRandom random;

    @Override
    public void setup(int numberOfChannels) {
        super.setup(numberOfChannels);
        random = new SplittableRandom();
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        if (random == null) {
            random = new SplittableRandom();
        }
        return random.nextInt(numberOfChannels);
    }

    @Override
    public PartitionKind kind() {
        return PartitionKind.SHUFFLE;
    }
}

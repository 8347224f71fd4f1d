package dev.eddy.streaming.runtime.partitioner;

import dev.eddy.api.common.functions.Partitioner;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** Sends each record to the channel a user {@link Partitioner} picks for its key. */
public class CustomPartitionerWrapper<K, T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private final Partitioner<K> partitioner;
    private final KeySelector<T, K> keySelector;

    public CustomPartitionerWrapper(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        this.partitioner = partitioner;
        this.keySelector = keySelector;
    }

    public Partitioner<K> getPartitioner() {
        return partitioner;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        K key;
        try {
            key = keySelector.getKey(record.getValue());
        } catch (Exception e) {
            throw new RuntimeException("Could not extract the key from record '" + record.getValue()
                    + "' for custom partitioning: " + e.getMessage(), e);
        }
        int channel = partitioner.partition(key, numberOfChannels);
        if (channel < 0 || channel >= numberOfChannels) {
            throw new IllegalStateException("Partitioner " + partitioner.getClass().getName() + " returned partition "
                    + channel + " for key '" + key + "'; it must be in [0, " + numberOfChannels + ")");
        }
        return channel;
    }

    @Override
    public PartitionKind kind() {
        return PartitionKind.CUSTOM;
    }
}

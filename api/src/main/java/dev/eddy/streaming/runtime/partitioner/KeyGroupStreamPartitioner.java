package dev.eddy.streaming.runtime.partitioner;

import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/**
 * Sends each record to the consumer subtask that owns its key's key group
 * ({@link KeyGroupRangeAssignment#assignKeyToParallelOperator}). The DataStream API creates it with
 * the job's configured max parallelism (possibly -1, unknown); the graph translator sets the
 * consumer's real max parallelism with {@link #configure} before the job runs. If it is still
 * unknown at {@link #setup}, the default for a consumer of that parallelism is used
 * ({@link KeyGroupRangeAssignment#computeDefaultMaxParallelism}), which is what the consumer
 * derives when no max parallelism was set anywhere.
 */
public class KeyGroupStreamPartitioner<T, K> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private final KeySelector<T, K> keySelector;
    private int maxParallelism;

    public KeyGroupStreamPartitioner(KeySelector<T, K> keySelector, int maxParallelism) {
        this.keySelector = keySelector;
        this.maxParallelism = maxParallelism;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    /** Sets the number of key groups (the consumer's max parallelism). Called by the translator. */
    public void configure(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("Max parallelism must be in [1, "
                    + KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM + "], was " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
    }

    /** Same as {@link #configure}. */
    public void setMaxParallelism(int maxParallelism) {
        configure(maxParallelism);
    }

    @Override
    public void setup(int numberOfChannels) {
        super.setup(numberOfChannels);
        if (maxParallelism < 1) {
            maxParallelism = KeyGroupRangeAssignment.computeDefaultMaxParallelism(numberOfChannels);
        }
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        K key;
        try {
            key = keySelector.getKey(record.getValue());
        } catch (Exception e) {
            throw new RuntimeException("Could not extract the key from record '" + record.getValue()
                    + "' with key selector " + keySelector.getClass().getName() + ": " + e.getMessage(), e);
        }
        return KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, numberOfChannels);
    }

    @Override
    public PartitionKind kind() {
        return PartitionKind.HASH;
    }
}

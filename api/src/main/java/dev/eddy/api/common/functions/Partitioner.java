package dev.eddy.api.common.functions;

/** Picks the target partition of a key for {@code DataStream#partitionCustom}. Task thread only. */
@FunctionalInterface
public interface Partitioner<K> extends Function {
    /** @return a partition in [0, numPartitions) */
    int partition(K key, int numPartitions);
}

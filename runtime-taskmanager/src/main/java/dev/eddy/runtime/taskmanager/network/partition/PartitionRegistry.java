package dev.eddy.runtime.taskmanager.network.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The partitions produced on one TaskManager, by id. Thread-safe. */
public final class PartitionRegistry {
    private final ConcurrentHashMap<String, ResultPartition> partitions = new ConcurrentHashMap<>();

    public void register(ResultPartition partition) {
        ResultPartition prev = partitions.putIfAbsent(partition.getPartitionId(), partition);
        if (prev != null) {
            throw new IllegalStateException("Partition " + partition.getPartitionId()
                    + " is already registered at this TaskManager; partition ids must be unique per attempt");
        }
    }

    public void unregister(ResultPartition partition) {
        partitions.remove(partition.getPartitionId(), partition);
    }

    public ResultPartition get(String partitionId) throws PartitionNotFoundException {
        ResultPartition p = partitions.get(partitionId);
        if (p == null) {
            throw new PartitionNotFoundException(partitionId);
        }
        return p;
    }

    public int size() {
        return partitions.size();
    }

    /** Releases every partition now (TaskManager shutdown). */
    public void releaseAll() {
        for (ResultPartition p : new ArrayList<>(partitions.values())) {
            p.releaseNow();
        }
    }

    public List<ResultPartition> snapshot() {
        return new ArrayList<>(partitions.values());
    }
}

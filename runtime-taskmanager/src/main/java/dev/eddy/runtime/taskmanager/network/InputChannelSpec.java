package dev.eddy.runtime.taskmanager.network;

/**
 * Where one input channel reads from.
 *
 * @param partitionId the producer's partition id, unique per TaskManager
 * @param subpartitionIndex the subpartition this consumer reads (usually its subtask index)
 * @param producerTaskManagerId equal to this TaskManager's id means local, read in memory
 * @param producerDataAddress {@code host:port} of the producer's data server (see
 *     {@link NettyShuffleEnvironment#getDataAddressString()}); used for remote channels only
 */
public record InputChannelSpec(String partitionId, int subpartitionIndex, String producerTaskManagerId, String producerDataAddress) {}

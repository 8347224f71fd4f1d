package dev.eddy.runtime.taskmanager.network;

/** Where one input channel reads from. */
public record InputChannelSpec(String partitionId, int subpartitionIndex, String producerTaskManagerId, String producerDataAddress) {}

package dev.eddy.streaming.runtime.partitioner;

import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.Serializable;

/**
 * Chooses the output channel (consumer subpartition) of each record on one edge. A prototype in
 * the job graph; each producer subtask deserializes its own copy and calls {@link #setup} once.
 * Task thread only.
 */
public abstract class StreamPartitioner<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    protected int numberOfChannels;

    public void setup(int numberOfChannels) {
        this.numberOfChannels = numberOfChannels;
    }

    /** The channel for a record, in [0, numberOfChannels). Not called when {@link #isBroadcast()}. */
    public abstract int selectChannel(StreamRecord<T> record);

    public boolean isBroadcast() {
        return kind() == PartitionKind.BROADCAST;
    }

    public abstract PartitionKind kind();

    @Override
    public String toString() {
        return kind().name();
    }
}

package dev.eddy.streaming.runtime.partitioner;

import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** Everything goes to consumer subtask 0. */
public class GlobalPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        return 0;
    }

    @Override
    public PartitionKind kind() {
        return PartitionKind.GLOBAL;
    }
}

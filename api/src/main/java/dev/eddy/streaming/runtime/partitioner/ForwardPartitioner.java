package dev.eddy.streaming.runtime.partitioner;

import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** Producer subtask i sends to consumer subtask i (both sides have the same parallelism). */
public class ForwardPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        return 0;
    }

    @Override
    public PartitionKind kind() {
        return PartitionKind.FORWARD;
    }
}

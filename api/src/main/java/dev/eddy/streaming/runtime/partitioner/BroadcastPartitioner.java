package dev.eddy.streaming.runtime.partitioner;

import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** Every record goes to every consumer subtask; the writer broadcasts instead of selecting a channel. */
public class BroadcastPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        throw new UnsupportedOperationException(
                "A broadcast partitioner selects no single channel: the record writer must send to all channels");
    }

    @Override
    public PartitionKind kind() {
        return PartitionKind.BROADCAST;
    }
}

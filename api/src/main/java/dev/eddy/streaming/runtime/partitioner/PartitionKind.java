package dev.eddy.streaming.runtime.partitioner;

/** How records of one edge are distributed; decides the wiring between producer and consumer subtasks. */
public enum PartitionKind {
    /** Pointwise: producer i to consumer i. */
    FORWARD(true),
    /** All-to-all by key group. */
    HASH(false),
    /** All-to-all round robin. */
    REBALANCE(false),
    /** Pointwise round robin over a subset of consumers. */
    RESCALE(true),
    /** All-to-all random. */
    SHUFFLE(false),
    /** All-to-all, each record to all consumers. */
    BROADCAST(false),
    /** All-to-all, everything to consumer 0. */
    GLOBAL(false),
    /** All-to-all by a user partitioner. */
    CUSTOM(false);

    private final boolean pointwise;

    PartitionKind(boolean pointwise) {
        this.pointwise = pointwise;
    }

    public boolean isPointwise() {
        return pointwise;
    }
}

package dev.eddy.runtime.jobmanager.scheduler;

import dev.eddy.proto.PartitionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Which producer subtasks feed which consumer subtasks over one job edge, and through which
 * subpartition. Pure functions.
 *
 * <ul>
 *   <li>All-to-all edges (HASH, REBALANCE, SHUFFLE, BROADCAST, GLOBAL): every producer has one
 *       subpartition per consumer; consumer j reads subpartition j of every producer.</li>
 *   <li>Pointwise edges (FORWARD, RESCALE) with equal parallelism: producer i has one subpartition,
 *       read by consumer i.</li>
 *   <li>RESCALE with fewer producers (p &lt; c): consumer j reads producer {@code floor(j*p/c)}; each
 *       producer thus feeds a contiguous run of consumers, one subpartition each, in order.</li>
 *   <li>RESCALE with more producers (p &gt; c): consumer j reads producers
 *       {@code [floor(j*p/c), floor((j+1)*p/c))}, each through its only subpartition.</li>
 * </ul>
 */
public final class EdgeWiring {
    private EdgeWiring() {}

    /** One channel of a consumer: the producer subtask and the subpartition it reads. */
    public record Channel(int producerSubtask, int subpartition) {}

    public static boolean isPointwise(PartitionType type) {
        return type == PartitionType.FORWARD || type == PartitionType.RESCALE;
    }

    /** Rejects edges that cannot be wired; returns null when fine, else the reason. */
    public static String validate(PartitionType type, int producerParallelism, int consumerParallelism) {
        if (type == PartitionType.PARTITION_TYPE_UNSPECIFIED || type == PartitionType.UNRECOGNIZED) {
            return "the edge has no partition type";
        }
        if (type == PartitionType.FORWARD && producerParallelism != consumerParallelism) {
            return "a FORWARD edge needs equal parallelism on both sides, got " + producerParallelism + " and " + consumerParallelism
                    + "; use rebalance() or rescale(), or set equal parallelism";
        }
        return null;
    }

    /** Subpartitions of producer subtask {@code producer}'s partition for this edge. */
    public static int numberOfSubpartitions(PartitionType type, int producer, int p, int c) {
        if (!isPointwise(type)) {
            return c;
        }
        if (p >= c) {
            return 1;
        }
        return firstConsumer(producer + 1, p, c) - firstConsumer(producer, p, c);
    }

    /** The channels of consumer subtask {@code consumer}, ordered by producer subtask. */
    public static List<Channel> channelsOf(PartitionType type, int consumer, int p, int c) {
        List<Channel> channels = new ArrayList<>();
        if (!isPointwise(type)) {
            for (int i = 0; i < p; i++) {
                channels.add(new Channel(i, consumer));
            }
        } else if (p == c) {
            channels.add(new Channel(consumer, 0));
        } else if (p < c) {
            int producer = (int) ((long) consumer * p / c);
            channels.add(new Channel(producer, consumer - firstConsumer(producer, p, c)));
        } else {
            int from = (int) ((long) consumer * p / c);
            int to = (int) ((long) (consumer + 1) * p / c);
            for (int i = from; i < to; i++) {
                channels.add(new Channel(i, 0));
            }
        }
        return channels;
    }

    /** For p &lt; c: the first consumer j with floor(j*p/c) == producer, i.e. ceil(producer*c/p). */
    private static int firstConsumer(int producer, int p, int c) {
        return (int) (((long) producer * c + p - 1) / p);
    }
}

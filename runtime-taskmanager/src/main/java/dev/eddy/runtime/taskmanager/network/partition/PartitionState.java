package dev.eddy.runtime.taskmanager.network.partition;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of a {@link ResultPartition}.
 *
 * <pre>
 * RUNNING  --finish()-------------------------------> FINISHED
 * RUNNING  --release() (failure/cancel)--------------> RELEASED   consumers fail
 * FINISHED --release(), all consumers done-----------> RELEASED
 * FINISHED --release(), consumers still reading------> DRAINING
 * DRAINING --last consumer done / TaskManager close--> RELEASED
 * any      --TaskManager close------------------------> RELEASED
 * </pre>
 */
public enum PartitionState {
    RUNNING,
    FINISHED,
    DRAINING,
    RELEASED;

    private static final Map<PartitionState, Set<PartitionState>> LEGAL = Map.of(
            RUNNING, EnumSet.of(FINISHED, RELEASED),
            FINISHED, EnumSet.of(DRAINING, RELEASED),
            DRAINING, EnumSet.of(RELEASED),
            RELEASED, EnumSet.noneOf(PartitionState.class));

    public boolean canTransitionTo(PartitionState next) {
        return LEGAL.get(this).contains(next);
    }
}

package dev.eddy.runtime.jobmanager.jobmaster;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of a job, with its legal transitions:
 *
 * <pre>
 * CREATED ──deployed──▶ RUNNING ──all finished──▶ FINISHED
 *    │                    │  │
 *    │ no slots           │  └─task failed / TM lost──▶ FAILING ──all terminal──▶ FAILED
 *    ├──────────────▶ FAILED
 *    └──cancel──▶ CANCELLING ◀──cancel── RUNNING;  CANCELLING ──all terminal──▶ CANCELED
 *
 * RUNNING ──task failed / TM lost, restart strategy allows──▶ RESTARTING
 * RESTARTING ──old attempts terminal, backoff over, new slots, deployed──▶ RUNNING
 * RESTARTING ──no slots──▶ FAILED;   RESTARTING ──cancel──▶ CANCELLING
 * RUNNING ──stop-with-savepoint completed──▶ CANCELLING ──all terminal──▶ FINISHED
 * </pre>
 */
public enum JobState {
    CREATED,
    RUNNING,
    RESTARTING,
    FAILING,
    FAILED,
    CANCELLING,
    CANCELED,
    FINISHED;

    private static final Map<JobState, Set<JobState>> LEGAL = new EnumMap<>(JobState.class);

    static {
        LEGAL.put(CREATED, EnumSet.of(RUNNING, FAILED, CANCELLING));
        LEGAL.put(RUNNING, EnumSet.of(FINISHED, FAILING, CANCELLING, RESTARTING));
        LEGAL.put(RESTARTING, EnumSet.of(RUNNING, FAILED, CANCELLING));
        LEGAL.put(FAILING, EnumSet.of(FAILED));
        LEGAL.put(CANCELLING, EnumSet.of(CANCELED, FINISHED));
        LEGAL.put(FAILED, EnumSet.noneOf(JobState.class));
        LEGAL.put(CANCELED, EnumSet.noneOf(JobState.class));
        LEGAL.put(FINISHED, EnumSet.noneOf(JobState.class));
    }

    public boolean canTransitionTo(JobState target) {
        return LEGAL.get(this).contains(target);
    }

    public boolean isTerminal() {
        return LEGAL.get(this).isEmpty();
    }
}

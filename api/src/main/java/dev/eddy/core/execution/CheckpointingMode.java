package dev.eddy.core.execution;

/** Consistency of checkpoints: whether barriers are aligned at operators with several input channels. */
public enum CheckpointingMode {
    /** Barriers are aligned: each record is reflected in state exactly once after a recovery. */
    EXACTLY_ONCE,
    /** No alignment: lower latency, records after an early barrier may be replayed after a recovery. */
    AT_LEAST_ONCE
}

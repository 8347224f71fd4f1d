package dev.eddy.runtime.taskmanager.network;

/** Result of one read attempt. */
public enum InputStatus {
    /** An element was emitted and more may be available right away. */
    MORE_AVAILABLE,
    /** Nothing now; wait on the availability future. */
    NOTHING_AVAILABLE,
    /** Every channel has ended. */
    END_OF_INPUT
}

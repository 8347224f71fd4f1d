package dev.eddy.streaming.api.operators;

/** Whether an operator may be chained to its predecessor and successor. */
public enum ChainingStrategy {
    /** Chain with predecessor and successor where possible (default). */
    ALWAYS,
    /** Never chain (disableChaining()). */
    NEVER,
    /** Start a new chain here, successors may chain (startNewChain()). */
    HEAD
}

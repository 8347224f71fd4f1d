package dev.eddy.api.connector.source;

/** A piece of a source's input (a file, a number range, a partition). Immutable. */
public interface SourceSplit {
    /** A unique id of this split within its source. */
    String splitId();
}

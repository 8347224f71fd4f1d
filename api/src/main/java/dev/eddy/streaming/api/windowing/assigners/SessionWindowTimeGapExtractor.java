package dev.eddy.streaming.api.windowing.assigners;

import java.io.Serializable;

/** The session gap (milliseconds, positive) to use for an element, for dynamic-gap session windows. */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {
    long extract(T element);
}

package dev.eddy.util;

/** Receives records emitted by a function. Used only from the task thread that owns it. */
public interface Collector<T> {
    void collect(T record);

    void close();
}

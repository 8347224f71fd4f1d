package dev.eddy.streaming.api.operators;

/** A registered timer: key, namespace and timestamp (equality is on all three). Immutable. */
public interface InternalTimer<K, N> {
    long getTimestamp();

    K getKey();

    N getNamespace();
}

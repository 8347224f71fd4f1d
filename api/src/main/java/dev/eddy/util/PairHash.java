package dev.eddy.util;

import java.util.Objects;

/**
 * The hash of a (key, namespace) pair for Eddy's own hash tables that pick a slot by masking the
 * low bits (heap state maps, timer buckets, the RocksDB write-back cache). Keys are often
 * sequential ids, whose plain hash codes cluster; Murmur3's 32-bit finalizer spreads them over all
 * bits. Not for {@code java.util.HashMap} keys: its own spread ({@code h ^ h >>> 16}) would undo
 * the finalizer's last step. Stateless; any thread.
 */
public final class PairHash {
    private PairHash() {}

    /** The spread hash of {@code key} and {@code namespace} (either may be null). */
    public static int of(Object key, Object namespace) {
        return mix(31 * Objects.hashCode(key) + Objects.hashCode(namespace));
    }

    /** Murmur3's 32-bit finalizer. */
    public static int mix(int h) {
        h = (h ^ (h >>> 16)) * 0x85EBCA6B;
        h = (h ^ (h >>> 13)) * 0xC2B2AE35;
        return h ^ (h >>> 16);
    }
}

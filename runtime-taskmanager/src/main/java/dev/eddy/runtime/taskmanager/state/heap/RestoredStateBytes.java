package dev.eddy.runtime.taskmanager.state.heap;

import java.util.Map;
import java.util.TreeMap;

/**
 * The restored bytes of one state whose descriptor has not been seen yet: per key group, the
 * entries block of its section. Filled on restore, then only read (by the task thread when the
 * state is first requested, by async snapshot threads that write the bytes back unchanged).
 */
final class RestoredStateBytes {
    final String name;
    final byte kind;
    /** The section flags ({@code KeyGroupStateFormat.FLAG_*}). */
    final byte flags;
    final Map<Integer, byte[]> byKeyGroup = new TreeMap<>();

    RestoredStateBytes(String name, byte kind, byte flags) {
        this.name = name;
        this.kind = kind;
        this.flags = flags;
    }
}

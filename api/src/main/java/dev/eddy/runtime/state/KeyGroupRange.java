package dev.eddy.runtime.state;

import java.io.Serializable;

/** A contiguous, inclusive range of key groups [start, end]; empty when end &lt; start. Immutable. */
public final class KeyGroupRange implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final KeyGroupRange EMPTY = new KeyGroupRange(0, -1);
    private final int startKeyGroup;
    private final int endKeyGroup;

    public KeyGroupRange(int startKeyGroup, int endKeyGroup) {
        if (startKeyGroup < 0 || endKeyGroup < startKeyGroup - 1) {
            throw new IllegalArgumentException("Bad key group range [" + startKeyGroup + ", " + endKeyGroup + "]");
        }
        this.startKeyGroup = startKeyGroup;
        this.endKeyGroup = endKeyGroup;
    }

    public static KeyGroupRange of(int start, int end) {
        return end < start ? EMPTY : new KeyGroupRange(start, end);
    }

    public int getStartKeyGroup() {
        return startKeyGroup;
    }

    public int getEndKeyGroup() {
        return endKeyGroup;
    }

    public int getNumberOfKeyGroups() {
        return endKeyGroup - startKeyGroup + 1;
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyGroupRange
                && ((KeyGroupRange) o).startKeyGroup == startKeyGroup
                && ((KeyGroupRange) o).endKeyGroup == endKeyGroup;
    }

    @Override
    public int hashCode() {
        return 31 * startKeyGroup + endKeyGroup;
    }

    @Override
    public String toString() {
        return "KeyGroupRange{" + startKeyGroup + ".." + endKeyGroup + "}";
    }
}

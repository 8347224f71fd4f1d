package dev.eddy.runtime.taskmanager.testutil;

/** A mutable record type for copy-semantics tests. */
public final class MutableBox {
    public long value;

    public MutableBox(long value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "Box(" + value + ")";
    }
}

package dev.eddy.runtime.state;

/** The namespace of state that has none (all state a user gets from a RuntimeContext). Singleton. */
public final class VoidNamespace {
    public static final VoidNamespace INSTANCE = new VoidNamespace();

    private VoidNamespace() {}

    public static VoidNamespace get() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "VoidNamespace";
    }
}

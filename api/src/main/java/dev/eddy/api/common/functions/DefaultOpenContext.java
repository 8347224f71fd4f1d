package dev.eddy.api.common.functions;

/** The {@link OpenContext} the runtime passes to rich functions. */
public final class DefaultOpenContext implements OpenContext {
    public static final DefaultOpenContext INSTANCE = new DefaultOpenContext();

    private DefaultOpenContext() {}
}

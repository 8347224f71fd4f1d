package dev.eddy.api.common.functions;

/**
 * A function with a lifecycle and access to its {@link RuntimeContext}. The runtime, on the task
 * thread: {@link #setRuntimeContext} once, {@link #open} before the first record, {@link #close}
 * after the last one (also after failure).
 */
public interface RichFunction extends Function {
    default void open(OpenContext openContext) throws Exception {}

    default void close() throws Exception {}

    /** @throws IllegalStateException before the runtime set the context */
    RuntimeContext getRuntimeContext();

    void setRuntimeContext(RuntimeContext runtimeContext);
}

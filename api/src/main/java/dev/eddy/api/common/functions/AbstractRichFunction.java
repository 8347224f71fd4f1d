package dev.eddy.api.common.functions;

/** Base class of rich functions: keeps the runtime context; open and close do nothing. */
public abstract class AbstractRichFunction implements RichFunction {
    private static final long serialVersionUID = 1L;
    private transient RuntimeContext runtimeContext;

    @Override
    public void setRuntimeContext(RuntimeContext runtimeContext) {
        this.runtimeContext = runtimeContext;
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException("The runtime context of " + getClass().getName()
                    + " has not been set yet: it is available from open() on, not in the constructor");
        }
        return runtimeContext;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {}

    @Override
    public void close() throws Exception {}
}

package dev.eddy.streaming.runtime.operators.windowing.functions;

import dev.eddy.api.common.functions.Function;
import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.functions.RichFunction;
import dev.eddy.api.common.functions.RuntimeContext;
import java.util.Objects;

/** A rich function around a user function: forwards runtime context, open and close when the wrapped one is rich. */
abstract class WrappingFunction<F extends Function> implements RichFunction {
    private static final long serialVersionUID = 1L;
    protected final F wrappedFunction;
    private transient RuntimeContext runtimeContext;

    WrappingFunction(F wrappedFunction) {
        this.wrappedFunction = Objects.requireNonNull(wrappedFunction, "window function");
    }

    public F getWrappedFunction() {
        return wrappedFunction;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        if (wrappedFunction instanceof RichFunction rich) {
            rich.open(openContext);
        }
    }

    @Override
    public void close() throws Exception {
        if (wrappedFunction instanceof RichFunction rich) {
            rich.close();
        }
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        return runtimeContext;
    }

    @Override
    public void setRuntimeContext(RuntimeContext runtimeContext) {
        this.runtimeContext = runtimeContext;
        if (wrappedFunction instanceof RichFunction rich) {
            rich.setRuntimeContext(runtimeContext);
        }
    }
}

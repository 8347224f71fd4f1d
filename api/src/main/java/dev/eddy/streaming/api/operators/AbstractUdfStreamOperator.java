package dev.eddy.streaming.api.operators;

import dev.eddy.api.common.functions.DefaultOpenContext;
import dev.eddy.api.common.functions.Function;
import dev.eddy.api.common.functions.RichFunction;
import java.util.Objects;

/**
 * An operator around one user function. For a {@link RichFunction} it sets the runtime context in
 * {@link #setup}, calls {@code open} in {@link #open} and {@code close} in {@link #close} (if it was
 * opened). Task thread only.
 */
public abstract class AbstractUdfStreamOperator<OUT, F extends Function> extends AbstractStreamOperator<OUT> {
    private static final long serialVersionUID = 1L;
    protected final F userFunction;
    private transient boolean functionOpened;

    protected AbstractUdfStreamOperator(F userFunction) {
        this.userFunction = Objects.requireNonNull(userFunction, "user function");
    }

    public F getUserFunction() {
        return userFunction;
    }

    @Override
    public void setup(StreamOperatorParameters<OUT> parameters) {
        super.setup(parameters);
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).setRuntimeContext(parameters.getRuntimeContext());
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (userFunction instanceof RichFunction) {
            functionOpened = true;
            ((RichFunction) userFunction).open(DefaultOpenContext.INSTANCE);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (functionOpened) {
                functionOpened = false;
                ((RichFunction) userFunction).close();
            }
        } finally {
            super.close();
        }
    }
}

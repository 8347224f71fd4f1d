package dev.eddy.streaming.api.operators;

import dev.eddy.api.common.state.CheckpointListener;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.StateSnapshotContext;
import dev.eddy.streaming.api.checkpoint.CheckpointedFunction;
import dev.eddy.api.common.functions.DefaultOpenContext;
import dev.eddy.api.common.functions.Function;
import dev.eddy.api.common.functions.RichFunction;
import java.util.Objects;

/**
 * An operator around one user function. For a {@link RichFunction} it sets the runtime context in
 * {@link #setup}, calls {@code open} in {@link #open} and {@code close} in {@link #close} (if it was
 * opened). A function implementing {@link CheckpointedFunction} gets {@code initializeState}
 * (before {@code open}) and {@code snapshotState}; one implementing {@link CheckpointListener} gets
 * the checkpoint notifications. Task thread only.
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

    /**
     * Calls the function's {@link CheckpointedFunction#initializeState} (before {@code open}, as in
     * Flink) when it implements {@link CheckpointedFunction}.
     */
    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        if (userFunction instanceof CheckpointedFunction) {
            ((CheckpointedFunction) userFunction).initializeState(context);
        }
    }

    /** Calls the function's {@link CheckpointedFunction#snapshotState} when it implements it. */
    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        if (userFunction instanceof CheckpointedFunction) {
            ((CheckpointedFunction) userFunction).snapshotState(context);
        }
    }

    /** Forwards to the function when it implements {@link CheckpointListener}. */
    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        if (userFunction instanceof CheckpointListener) {
            ((CheckpointListener) userFunction).notifyCheckpointComplete(checkpointId);
        }
    }

    /** Forwards to the function when it implements {@link CheckpointListener}. */
    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        super.notifyCheckpointAborted(checkpointId);
        if (userFunction instanceof CheckpointListener) {
            ((CheckpointListener) userFunction).notifyCheckpointAborted(checkpointId);
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

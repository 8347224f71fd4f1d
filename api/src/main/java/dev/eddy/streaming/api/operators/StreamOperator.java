package dev.eddy.streaming.api.operators;

import java.io.Serializable;

/**
 * An operator of a chain. Lifecycle, driven by the task thread only, in this order:
 * {@link #setup} once, {@link #open}, any number of input calls, {@link #finish} when all input
 * has ended (bounded streams: flush buffered results), {@link #close} always (also after failure or
 * cancellation; release resources). Operators never take locks: timers and async results arrive
 * as mail on the same thread.
 *
 * <p>The operator object in the job graph is a prototype: each subtask deserializes its own copy.
 */
public interface StreamOperator<OUT> extends Serializable {
    void setup(StreamOperatorParameters<OUT> parameters);

    void open() throws Exception;

    void finish() throws Exception;

    void close() throws Exception;
}

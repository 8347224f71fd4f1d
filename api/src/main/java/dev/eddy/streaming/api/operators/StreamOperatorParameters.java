package dev.eddy.streaming.api.operators;

import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.operators.coordination.OperatorEventGateway;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/**
 * What the runtime hands an operator in {@link StreamOperator#setup}. Implemented by the
 * TaskManager (and by the test harness). All methods are for the task thread.
 */
public interface StreamOperatorParameters<OUT> {
    Output<StreamRecord<OUT>> getOutput();

    RuntimeContext getRuntimeContext();

    ProcessingTimeService getProcessingTimeService();

    MailboxExecutor getMailboxExecutor();

    /** The keyed backend when the operator is keyed (its transformation has a state key selector), else null. */
    KeyedStateBackend<Object> getKeyedStateBackend();

    /** The state key selector of input 0 or 1, or null when that input is not keyed. */
    KeySelector<?, ?> getStateKeySelector(int input);

    /**
     * The job's configuration as submitted (Flink keys such as {@code pipeline.auto-watermark-interval}).
     * Read-only by convention. The default (harnesses) is an empty configuration: option defaults apply.
     */
    default dev.eddy.configuration.Configuration getJobConfiguration() {
        return new dev.eddy.configuration.Configuration();
    }

    /**
     * Where the operator sends events to its coordinator on the JobManager (operators with a
     * coordinator: Source-API sources). Null when the runtime offers none (the default; e.g. a
     * harness without coordinators).
     */
    default OperatorEventGateway getOperatorEventGateway() {
        return null;
    }
}

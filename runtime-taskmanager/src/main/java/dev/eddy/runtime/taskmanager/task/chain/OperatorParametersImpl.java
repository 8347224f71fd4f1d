package dev.eddy.runtime.taskmanager.task.chain;

import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.operators.coordination.OperatorEventGateway;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** What the task hands one operator in setup. Immutable. */
record OperatorParametersImpl<OUT>(Output<StreamRecord<OUT>> output, RuntimeContext runtimeContext,
        ProcessingTimeService processingTimeService, MailboxExecutor mailboxExecutor,
        KeyedStateBackend<Object> keyedStateBackend, KeySelector<?, ?> keySelector1, KeySelector<?, ?> keySelector2,
        dev.eddy.configuration.Configuration jobConfiguration, OperatorEventGateway operatorEventGateway)
        implements StreamOperatorParameters<OUT> {

    @Override
    public dev.eddy.configuration.Configuration getJobConfiguration() {
        return jobConfiguration;
    }

    @Override
    public OperatorEventGateway getOperatorEventGateway() {
        return operatorEventGateway;
    }

    @Override
    public Output<StreamRecord<OUT>> getOutput() {
        return output;
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        return runtimeContext;
    }

    @Override
    public ProcessingTimeService getProcessingTimeService() {
        return processingTimeService;
    }

    @Override
    public MailboxExecutor getMailboxExecutor() {
        return mailboxExecutor;
    }

    @Override
    public KeyedStateBackend<Object> getKeyedStateBackend() {
        return keyedStateBackend;
    }

    @Override
    public KeySelector<?, ?> getStateKeySelector(int input) {
        return input == 0 ? keySelector1 : input == 1 ? keySelector2 : null;
    }
}

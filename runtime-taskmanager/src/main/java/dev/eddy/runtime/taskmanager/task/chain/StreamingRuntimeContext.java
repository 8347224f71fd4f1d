package dev.eddy.runtime.taskmanager.task.chain;

import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.api.common.state.AggregatingState;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.state.KeyedStateStore;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.BackendKeyedStateStore;

/** The {@link RuntimeContext} of one operator of a chain. Task thread only. */
public final class StreamingRuntimeContext implements RuntimeContext {
    static final String NOT_KEYED = "Keyed state can only be used on a 'keyed stream', i.e., after a 'keyBy()' operation.";

    private final TaskInfo taskInfo;
    private final JobInfo jobInfo;
    private final ClassLoader userCodeClassLoader;
    private final KeyedStateStore keyedStateStore;

    /** @param keyedStateBackend null for operators that are not keyed */
    public StreamingRuntimeContext(TaskInfo taskInfo, JobInfo jobInfo, ClassLoader userCodeClassLoader, KeyedStateBackend<?> keyedStateBackend) {
        this.taskInfo = taskInfo;
        this.jobInfo = jobInfo;
        this.userCodeClassLoader = userCodeClassLoader;
        this.keyedStateStore = keyedStateBackend == null ? null
                : new BackendKeyedStateStore(keyedStateBackend, taskInfo == null ? null : taskInfo.getTaskNameWithSubtasks());
    }

    @Override
    public JobInfo getJobInfo() {
        return jobInfo;
    }

    @Override
    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        return keyedState().getState(stateProperties);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        return keyedState().getListState(stateProperties);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        return keyedState().getReducingState(stateProperties);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        return keyedState().getAggregatingState(stateProperties);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        return keyedState().getMapState(stateProperties);
    }

    private KeyedStateStore keyedState() {
        if (keyedStateStore == null) {
            throw new UnsupportedOperationException(NOT_KEYED);
        }
        return keyedStateStore;
    }
}

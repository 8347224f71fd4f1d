package dev.eddy.api.common.functions;

import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;

/**
 * What a rich function sees of the task it runs in. Task thread only. Keyed state accessors work
 * only in keyed contexts (after keyBy) and are scoped to the current key.
 */
public interface RuntimeContext {
    JobInfo getJobInfo();

    TaskInfo getTaskInfo();

    ClassLoader getUserCodeClassLoader();

    /** @throws UnsupportedOperationException outside a keyed context, saying to use keyBy first */
    <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties);
}

package dev.eddy.api.common.functions;

import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;
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

    /**
     * The list state of the current key. The default (for contexts that hold no keyed state) throws.
     *
     * @throws UnsupportedOperationException outside a keyed context, saying to use keyBy first
     */
    default <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        throw new UnsupportedOperationException("List state '" + stateProperties.getName() + "' is not available in this context");
    }

    /** Like {@link #getListState}, for reducing state. */
    default <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        throw new UnsupportedOperationException("Reducing state '" + stateProperties.getName() + "' is not available in this context");
    }

    /** Like {@link #getListState}, for aggregating state. */
    default <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        throw new UnsupportedOperationException("Aggregating state '" + stateProperties.getName() + "' is not available in this context");
    }

    /** Like {@link #getListState}, for map state. */
    default <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        throw new UnsupportedOperationException("Map state '" + stateProperties.getName() + "' is not available in this context");
    }
}

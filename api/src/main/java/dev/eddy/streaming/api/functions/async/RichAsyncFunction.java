package dev.eddy.streaming.api.functions.async;

import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.common.functions.AbstractRichFunction;
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

/**
 * An {@link AsyncFunction} with the rich function lifecycle: {@code open} before the first
 * {@link #asyncInvoke} (create clients and thread pools there), {@code close} at the end (shut them
 * down), and the runtime context for job and task information. All lifecycle calls are on the task
 * thread.
 *
 * <p>As in Flink, the runtime context of a rich async function offers no keyed state: results
 * arrive long after the record (and its key) was processed, so state would be read and written for
 * the wrong key. The state accessors throw {@link UnsupportedOperationException}.
 */
public abstract class RichAsyncFunction<IN, OUT> extends AbstractRichFunction implements AsyncFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;

    /** Keeps {@code runtimeContext} behind a view without state access. */
    @Override
    public void setRuntimeContext(RuntimeContext runtimeContext) {
        super.setRuntimeContext(runtimeContext == null ? null : new StatelessContext(runtimeContext));
    }

    /** A runtime context that forwards everything but state. */
    private static final class StatelessContext implements RuntimeContext {
        private final RuntimeContext delegate;

        StatelessContext(RuntimeContext delegate) {
            this.delegate = delegate;
        }

        @Override
        public JobInfo getJobInfo() {
            return delegate.getJobInfo();
        }

        @Override
        public TaskInfo getTaskInfo() {
            return delegate.getTaskInfo();
        }

        @Override
        public ClassLoader getUserCodeClassLoader() {
            return delegate.getUserCodeClassLoader();
        }

        @Override
        public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
            throw noState(stateProperties.getName());
        }

        @Override
        public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
            throw noState(stateProperties.getName());
        }

        @Override
        public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
            throw noState(stateProperties.getName());
        }

        @Override
        public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
            throw noState(stateProperties.getName());
        }

        @Override
        public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
            throw noState(stateProperties.getName());
        }

        private static UnsupportedOperationException noState(String name) {
            return new UnsupportedOperationException("State '" + name + "' is not supported in rich async functions: results arrive"
                    + " after the record's key is gone. Keep state in a keyed operator before or after the async operator");
        }
    }
}

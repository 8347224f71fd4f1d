package dev.eddy.runtime.taskmanager.state;

import dev.eddy.api.common.state.AggregatingState;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.KeyedStateStore;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.runtime.state.KeyedStateBackend;

/** A {@link KeyedStateStore} over a keyed backend (state of the backend's current key). Task thread only. */
public final class BackendKeyedStateStore implements KeyedStateStore {
    private final KeyedStateBackend<?> backend;
    private final String owner;

    public BackendKeyedStateStore(KeyedStateBackend<?> backend) {
        this(backend, null);
    }

    /** @param owner named in errors ("... in Map (1/2)"), may be null */
    public BackendKeyedStateStore(KeyedStateBackend<?> backend, String owner) {
        this.backend = backend;
        this.owner = owner;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        return state(stateProperties);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        return state(stateProperties);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        return state(stateProperties);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        return state(stateProperties);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        return state(stateProperties);
    }

    private <S extends State> S state(StateDescriptor<S, ?> descriptor) {
        try {
            return backend.getPartitionedState(descriptor);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not create keyed state '" + descriptor.getName() + "'"
                    + (owner == null ? "" : " in " + owner), e);
        }
    }
}

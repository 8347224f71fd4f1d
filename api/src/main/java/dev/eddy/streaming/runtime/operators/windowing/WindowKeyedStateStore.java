package dev.eddy.streaming.runtime.operators.windowing;

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

/** A {@link KeyedStateStore} whose states come from one lookup (a window's namespace, or the global one). Task thread only. */
final class WindowKeyedStateStore<W> implements KeyedStateStore {
    /** Returns the state of a descriptor for the current key (and window). */
    interface StateLookup {
        <S extends State> S get(StateDescriptor<S, ?> descriptor);
    }

    private final StateLookup lookup;

    WindowKeyedStateStore(StateLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        return lookup.get(stateProperties);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        return lookup.get(stateProperties);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        return lookup.get(stateProperties);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        return lookup.get(stateProperties);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        return lookup.get(stateProperties);
    }
}

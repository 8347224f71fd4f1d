package dev.eddy.runtime.state.internal;

import dev.eddy.api.common.state.MapState;
import java.util.Map;

/** Runtime side of {@link MapState}. Task thread only. */
public interface InternalMapState<K, N, UK, UV> extends InternalKvState<K, N, Map<UK, UV>>, MapState<UK, UV> {}

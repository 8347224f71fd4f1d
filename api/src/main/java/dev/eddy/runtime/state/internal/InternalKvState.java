package dev.eddy.runtime.state.internal;

import dev.eddy.api.common.state.State;

/**
 * The runtime side of a keyed state object: besides the current key (set on the backend) it is
 * scoped to a current namespace, e.g. the window a window operator works on. State a user gets
 * from a RuntimeContext lives in {@link dev.eddy.runtime.state.VoidNamespace}. Every state object
 * returned by a {@link dev.eddy.runtime.state.KeyedStateBackend} implements this. Task thread only.
 *
 * @param <K> key type
 * @param <N> namespace type
 * @param <V> the stored value type (for lists the list, for maps the map)
 */
public interface InternalKvState<K, N, V> extends State {
    /** Scopes following reads and writes to {@code namespace} (until set again). */
    void setCurrentNamespace(N namespace);
}

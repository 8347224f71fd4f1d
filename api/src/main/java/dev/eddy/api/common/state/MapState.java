package dev.eddy.api.common.state;

import java.util.Iterator;
import java.util.Map;

/**
 * A map of user keys to user values per key. An absent map reads as empty. Iterables and iterators
 * are views valid until the next state access. Task thread only.
 */
public interface MapState<UK, UV> extends State {
    /** The value of a user key, or null when absent. */
    UV get(UK key) throws Exception;

    void put(UK key, UV value) throws Exception;

    void putAll(Map<UK, UV> map) throws Exception;

    void remove(UK key) throws Exception;

    boolean contains(UK key) throws Exception;

    Iterable<Map.Entry<UK, UV>> entries() throws Exception;

    Iterable<UK> keys() throws Exception;

    Iterable<UV> values() throws Exception;

    Iterator<Map.Entry<UK, UV>> iterator() throws Exception;

    /** True when the current key has no mappings. */
    boolean isEmpty() throws Exception;
}

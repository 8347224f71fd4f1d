package dev.eddy.runtime.taskmanager.state;

import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;

/** Checks every keyed state backend makes, with one wording. Stateless. */
public final class KeyedStateChecks {
    private KeyedStateChecks() {}

    /**
     * The key group of {@code key}, which must belong to this subtask's range.
     *
     * @throws IllegalStateException when the key belongs to another subtask (a non-deterministic key selector)
     */
    public static int ownedKeyGroup(Object key, int maxParallelism, KeyGroupRange range) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (!range.contains(keyGroup)) {
            throw new IllegalStateException("Key '" + key + "' belongs to key group " + keyGroup + ", which is not in this subtask's "
                    + range + " (max parallelism " + maxParallelism + "). The key selector must be deterministic and the"
                    + " key's hashCode must not depend on object identity (e.g. do not key by an enum's or array's hashCode).");
        }
        return keyGroup;
    }

    /** @throws IllegalStateException when a state name is requested as another kind than it was registered as */
    public static void requireSameKind(String name, StateDescriptor.Type registered, StateDescriptor.Type requested) {
        if (registered != requested) {
            throw new IllegalStateException("State '" + name + "' was registered as " + registered
                    + " state and is now requested as " + requested + " state; use a different name");
        }
    }

    /**
     * @throws IllegalStateException when a state name is requested with another namespace serializer
     *     than it was registered with (a state name is registered with one namespace type only)
     */
    public static void requireSameNamespaceSerializer(String name, dev.eddy.api.common.typeutils.TypeSerializer<?> registered,
            dev.eddy.api.common.typeutils.TypeSerializer<?> requested) {
        if (!registered.equals(requested)) {
            throw new IllegalStateException("State '" + name + "' was registered with namespace serializer " + describe(registered)
                    + " and is now requested with " + describe(requested) + "; a state name has one namespace type, use a different"
                    + " name for the other");
        }
    }

    private static String describe(dev.eddy.api.common.typeutils.TypeSerializer<?> s) {
        return s instanceof dev.eddy.runtime.state.VoidNamespaceSerializer ? "VoidNamespaceSerializer (no namespace)"
                : s.getClass().getName();
    }
}

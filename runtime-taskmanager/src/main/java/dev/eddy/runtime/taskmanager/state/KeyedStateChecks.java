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
}

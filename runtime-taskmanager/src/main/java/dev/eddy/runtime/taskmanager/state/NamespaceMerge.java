package dev.eddy.runtime.taskmanager.state;

import dev.eddy.runtime.state.internal.InternalAppendingState;
import java.util.Collection;

/**
 * {@code mergeNamespaces} for every backend, on top of a state's own namespace switching and raw
 * access: for the current key, takes and clears the stored value of each source namespace (in
 * order, skipping those without one), combines them, then combines the target's value with that
 * (target first) and stores the result in the target. The target may be among the sources. The
 * state's current namespace is restored afterwards. Task thread only; stateless.
 */
public final class NamespaceMerge {
    private NamespaceMerge() {}

    /** Combines two stored values into one (list concatenation, reduce, accumulator merge). */
    @FunctionalInterface
    public interface Combiner<SV> {
        SV combine(SV first, SV second) throws Exception;
    }

    /**
     * @param current the state's current namespace, set again before returning (null when none was set: the
     *     state implementations take null as "no namespace")
     */
    public static <N, SV> void merge(InternalAppendingState<?, N, ?, SV, ?> state, N current, N target, Collection<N> sources,
            Combiner<SV> combiner) throws Exception {
        if (target == null) {
            throw new IllegalArgumentException("mergeNamespaces needs a target namespace, got null");
        }
        try {
            SV merged = null;
            for (N source : sources) {
                state.setCurrentNamespace(source);
                SV value = state.getInternal();
                if (value == null) {
                    continue;
                }
                state.updateInternal(null);
                merged = merged == null ? value : combiner.combine(merged, value);
            }
            if (merged != null) {
                state.setCurrentNamespace(target);
                SV existing = state.getInternal();
                state.updateInternal(existing == null ? merged : combiner.combine(existing, merged));
            }
        } finally {
            state.setCurrentNamespace(current);
        }
    }
}

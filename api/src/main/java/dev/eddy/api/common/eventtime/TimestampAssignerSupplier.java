package dev.eddy.api.common.eventtime;

import java.io.Serializable;

/** Creates a {@link TimestampAssigner} in each parallel instance that needs one. */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {
    TimestampAssigner<T> createTimestampAssigner(Context context);

    /** What the runtime offers an assigner when it is created. */
    interface Context {}

    /** Wraps a serializable assigner: every instance uses (its copy of) that assigner. */
    static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
        return context -> assigner;
    }
}

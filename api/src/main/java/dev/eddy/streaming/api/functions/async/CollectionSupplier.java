package dev.eddy.streaming.api.functions.async;

import java.util.Collection;

/** Supplies the results of an async call on the task thread; see {@link ResultFuture#complete(CollectionSupplier)}. */
@FunctionalInterface
public interface CollectionSupplier<OUT> {
    Collection<OUT> get() throws Exception;
}

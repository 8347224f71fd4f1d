package dev.eddy.streaming.api.functions.sink.filesystem;

import dev.eddy.core.io.SimpleVersionedSerializer;
import java.io.Serializable;

/**
 * Chooses the bucket (a sub-directory of the sink's base path, named by {@code toString()} of the
 * bucket id) each element is written to. Task thread only.
 *
 * @param <BucketID> bucket identifier; must have value-based equals and hashCode
 */
public interface BucketAssigner<IN, BucketID> extends Serializable {
    BucketID getBucketId(IN element, Context context);

    /** Serializes bucket ids (for writer state). */
    SimpleVersionedSerializer<BucketID> getSerializer();

    /** Facts about the element being assigned; valid only during the call. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The element's timestamp, or null when it has none. */
        Long timestamp();
    }
}

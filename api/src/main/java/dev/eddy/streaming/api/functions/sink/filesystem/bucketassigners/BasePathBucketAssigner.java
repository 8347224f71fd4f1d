package dev.eddy.streaming.api.functions.sink.filesystem.bucketassigners;

import dev.eddy.core.io.SimpleVersionedSerializer;
import dev.eddy.streaming.api.functions.sink.filesystem.BucketAssigner;

/** Writes everything directly into the base path (the bucket id is ""). */
public class BasePathBucketAssigner<T> implements BucketAssigner<T, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(T element, Context context) {
        return "";
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "BasePathBucketAssigner";
    }
}

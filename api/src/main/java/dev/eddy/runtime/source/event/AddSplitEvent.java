package dev.eddy.runtime.source.event;

import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.core.io.SimpleVersionedSerializer;
import dev.eddy.runtime.operators.coordination.OperatorEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Coordinator → task: splits for the reader, each written with the source's split serializer of
 * version {@code serializerVersion}. Immutable (the byte arrays are not copied: do not modify them).
 */
public record AddSplitEvent(int serializerVersion, List<byte[]> splits) implements OperatorEvent {
    public AddSplitEvent {
        splits = List.copyOf(splits);
    }

    /** Serializes {@code splits} with {@code serializer}. */
    public static <SplitT extends SourceSplit> AddSplitEvent of(List<SplitT> splits, SimpleVersionedSerializer<SplitT> serializer)
            throws IOException {
        List<byte[]> bytes = new ArrayList<>(splits.size());
        for (SplitT split : splits) {
            bytes.add(serializer.serialize(split));
        }
        return new AddSplitEvent(serializer.getVersion(), bytes);
    }

    /** Reads the splits back with the source's split serializer. */
    public <SplitT extends SourceSplit> List<SplitT> splits(SimpleVersionedSerializer<SplitT> serializer) throws IOException {
        List<SplitT> result = new ArrayList<>(splits.size());
        for (byte[] bytes : splits) {
            result.add(serializer.deserialize(serializerVersion, bytes));
        }
        return result;
    }
}

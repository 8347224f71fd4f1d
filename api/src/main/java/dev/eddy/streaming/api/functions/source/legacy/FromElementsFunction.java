package dev.eddy.streaming.api.functions.source.legacy;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.util.serialization.DataInputStreamView;
import dev.eddy.streaming.util.serialization.DataOutputStreamView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;

/**
 * Emits a fixed collection, in order, then ends. The elements are stored serialized with their
 * {@link TypeSerializer}, so they need not be {@code java.io.Serializable}. Non-parallel.
 */
public class FromElementsFunction<T> implements SourceFunction<T> {
    private static final long serialVersionUID = 1L;
    private final TypeSerializer<T> serializer;
    private final byte[] elements;
    private final int count;
    private volatile boolean running = true;

    public FromElementsFunction(TypeSerializer<T> serializer, Collection<? extends T> data) {
        this.serializer = serializer;
        this.count = data.size();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStreamView out = new DataOutputStreamView(bytes);
        int i = 0;
        try {
            for (T element : data) {
                if (element == null) {
                    throw new IllegalArgumentException("The collection contains a null element at position " + i
                            + ": sources cannot emit null");
                }
                serializer.serialize(element, out);
                i++;
            }
            out.flush();
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not serialize element " + i + " of the collection with "
                    + serializer.getClass().getName() + ": " + e.getMessage(), e);
        }
        this.elements = bytes.toByteArray();
    }

    public int getNumElements() {
        return count;
    }

    @Override
    public void run(SourceContext<T> ctx) throws Exception {
        DataInputStreamView in = new DataInputStreamView(new ByteArrayInputStream(elements));
        for (int i = 0; i < count && running; i++) {
            ctx.collect(serializer.deserialize(in));
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}

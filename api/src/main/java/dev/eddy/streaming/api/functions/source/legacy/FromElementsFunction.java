package dev.eddy.streaming.api.functions.source.legacy;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.util.serialization.DataInputStreamView;
import dev.eddy.streaming.util.serialization.DataOutputStreamView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.runtime.state.FunctionInitializationContext;
import dev.eddy.runtime.state.FunctionSnapshotContext;
import dev.eddy.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Emits a fixed collection, in order, then ends. The elements are stored serialized with their
 * {@link TypeSerializer}, so they need not be {@code java.io.Serializable}. Non-parallel.
 *
 * <p>Replayable: the number of elements emitted is kept in operator list state
 * ({@value #STATE_NAME}); a restored function skips that many. Each {@code collect} and the count
 * update after it happen under the checkpoint lock, so a snapshot (taken under that lock) always
 * counts exactly the elements emitted before it.
 */
public class FromElementsFunction<T> implements SourceFunction<T>, CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private final TypeSerializer<T> serializer;
    private final byte[] elements;
    private final int count;
    static final String STATE_NAME = "from-elements-state";
    private volatile boolean running = true;
    private transient ListState<Integer> checkpointedState;
    private transient int numElementsToSkip;
    private transient int numElementsEmitted;

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
    public void initializeState(FunctionInitializationContext context) throws Exception {
        checkpointedState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(STATE_NAME, Types.INT));
        if (context.isRestored()) {
            List<Integer> restored = new ArrayList<>();
            checkpointedState.get().forEach(restored::add);
            if (restored.size() > 1) {
                throw new IllegalStateException("FromElementsFunction restored " + restored.size()
                        + " emitted-element counts, expected at most one: the collection source must run with parallelism 1");
            }
            numElementsToSkip = restored.isEmpty() ? 0 : restored.get(0);
        }
        numElementsEmitted = numElementsToSkip; // what a snapshot before run() must keep
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        if (checkpointedState == null) {
            throw new IllegalStateException("FromElementsFunction snapshotted before initializeState()");
        }
        checkpointedState.update(List.of(numElementsEmitted));
    }

    @Override
    public void run(SourceContext<T> ctx) throws Exception {
        DataInputStreamView in = new DataInputStreamView(new ByteArrayInputStream(elements));
        int skip = Math.min(numElementsToSkip, count);
        for (int i = 0; i < skip; i++) {
            serializer.deserialize(in);
        }
        synchronized (ctx.getCheckpointLock()) {
            numElementsEmitted = skip;
        }
        for (int i = skip; i < count && running; i++) {
            T element = serializer.deserialize(in);
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect(element);
                numElementsEmitted = i + 1;
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}

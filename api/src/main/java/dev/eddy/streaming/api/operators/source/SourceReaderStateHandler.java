package dev.eddy.streaming.api.operators.source;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.OperatorStateStore;
import dev.eddy.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.core.io.SimpleVersionedSerialization;
import dev.eddy.core.io.SimpleVersionedSerializer;
import dev.eddy.runtime.state.StateInitializationContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The operator state of a {@link SourceReaderOperator} subtask: {@value #SPLITS_STATE}, a
 * split-distributed list of {@code byte[]} holding the reader's remaining splits, each written
 * with {@link SimpleVersionedSerialization} and the source's split serializer. On restore (also at
 * another parallelism) every split goes to exactly one subtask. What the enumerator has not handed
 * out yet is not here: it is the enumerator's checkpoint, which the JobManager keeps.
 * Task thread only.
 */
final class SourceReaderStateHandler {
    static final String SPLITS_STATE = "SourceReaderState";

    private final ListState<byte[]> splitsState;
    private final List<byte[]> restoredSplitBytes;

    private SourceReaderStateHandler(ListState<byte[]> splitsState, List<byte[]> restoredSplitBytes) {
        this.splitsState = splitsState;
        this.restoredSplitBytes = restoredSplitBytes;
    }

    /** A handler without state (the operator was opened without initializeState, e.g. in old tests). */
    static SourceReaderStateHandler stateless() {
        return new SourceReaderStateHandler(null, List.of());
    }

    static SourceReaderStateHandler initialize(StateInitializationContext context) throws Exception {
        OperatorStateStore store = context.getOperatorStateStore();
        ListState<byte[]> splits = store.getListState(
                new ListStateDescriptor<>(SPLITS_STATE, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        List<byte[]> restoredSplits = new ArrayList<>();
        if (context.isRestored()) {
            splits.get().forEach(restoredSplits::add);
        }
        return new SourceReaderStateHandler(splits, restoredSplits);
    }

    boolean hasRestoredSplits() {
        return !restoredSplitBytes.isEmpty();
    }

    <SplitT extends SourceSplit> List<SplitT> restoredSplits(SimpleVersionedSerializer<SplitT> serializer) throws Exception {
        List<SplitT> splits = new ArrayList<>(restoredSplitBytes.size());
        for (byte[] bytes : restoredSplitBytes) {
            try {
                splits.add(SimpleVersionedSerialization.readVersionAndDeserialize(serializer, bytes));
            } catch (Exception e) {
                throw new IllegalStateException("Could not restore a source split from operator state '" + SPLITS_STATE
                        + "' with " + serializer.getClass().getName() + ": " + e.getMessage()
                        + " (was the checkpoint written by a different source?)", e);
            }
        }
        return splits;
    }

    <SplitT extends SourceSplit> void snapshot(SimpleVersionedSerializer<SplitT> serializer, Collection<SplitT> splits)
            throws Exception {
        if (splitsState == null) {
            throw new IllegalStateException("The source operator has no operator state (initializeState was not called)"
                    + " and cannot take part in a checkpoint");
        }
        List<byte[]> serialized = new ArrayList<>(splits.size());
        for (SplitT split : splits) {
            serialized.add(SimpleVersionedSerialization.writeVersionAndSerialize(serializer, split));
        }
        splitsState.update(serialized);
    }
}

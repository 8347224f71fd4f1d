package dev.eddy.streaming.api.operators.source;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.OperatorStateStore;
import dev.eddy.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.core.io.SimpleVersionedSerialization;
import dev.eddy.core.io.SimpleVersionedSerializer;
import dev.eddy.runtime.state.StateInitializationContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The operator state of a {@link SourceReaderOperator} subtask. Task thread only.
 *
 * <ul>
 *   <li>{@value #SPLITS_STATE} (split-distributed list of {@code byte[]}): the reader's remaining
 *       splits, each written with {@link SimpleVersionedSerialization} and the source's split
 *       serializer. On restore (also at another parallelism) every split goes to exactly one
 *       subtask.
 *   <li>{@value #ASSIGNED_STATE} (union list of split ids): the splits the enumerators handed to
 *       readers. Every subtask restores all of them and its fresh enumerator never hands them out
 *       again. Subtask 0 also carries the ids it restored, so the set survives further restores.
 *   <li>{@value #NO_MORE_SPLITS_STATE} (union list, one boolean per subtask): whether that
 *       subtask's reader had been told "no more splits". If all had, enumeration is over and a
 *       restored subtask runs no enumerator at all (this is what makes bounded sources whose split
 *       ids depend on the parallelism, like the number sequence, rescale correctly).
 * </ul>
 */
final class SourceReaderStateHandler {
    static final String SPLITS_STATE = "SourceReaderState";
    static final String ASSIGNED_STATE = "SourceReaderAssignedSplitIds";
    static final String NO_MORE_SPLITS_STATE = "SourceReaderNoMoreSplits";

    private final ListState<byte[]> splitsState;
    private final ListState<String> assignedState;
    private final ListState<Boolean> noMoreSplitsState;
    private final int subtaskIndex;
    private final List<byte[]> restoredSplitBytes;
    private final Set<String> assignedBeforeRestore;
    private final boolean enumerationFinishedBeforeRestore;

    private SourceReaderStateHandler(ListState<byte[]> splitsState, ListState<String> assignedState,
            ListState<Boolean> noMoreSplitsState, int subtaskIndex, List<byte[]> restoredSplitBytes,
            Set<String> assignedBeforeRestore, boolean enumerationFinishedBeforeRestore) {
        this.splitsState = splitsState;
        this.assignedState = assignedState;
        this.noMoreSplitsState = noMoreSplitsState;
        this.subtaskIndex = subtaskIndex;
        this.restoredSplitBytes = restoredSplitBytes;
        this.assignedBeforeRestore = assignedBeforeRestore;
        this.enumerationFinishedBeforeRestore = enumerationFinishedBeforeRestore;
    }

    /** A handler without state (the operator was opened without initializeState, e.g. in old tests). */
    static SourceReaderStateHandler stateless() {
        return new SourceReaderStateHandler(null, null, null, 0, List.of(), Set.of(), false);
    }

    static SourceReaderStateHandler initialize(StateInitializationContext context, int subtaskIndex) throws Exception {
        OperatorStateStore store = context.getOperatorStateStore();
        ListState<byte[]> splits = store.getListState(
                new ListStateDescriptor<>(SPLITS_STATE, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        ListState<String> assigned = store.getUnionListState(new ListStateDescriptor<>(ASSIGNED_STATE, Types.STRING));
        ListState<Boolean> noMore = store.getUnionListState(new ListStateDescriptor<>(NO_MORE_SPLITS_STATE, Types.BOOLEAN));
        List<byte[]> restoredSplits = new ArrayList<>();
        Set<String> assignedIds = new LinkedHashSet<>();
        boolean finished = false;
        if (context.isRestored()) {
            splits.get().forEach(restoredSplits::add);
            assigned.get().forEach(assignedIds::add);
            boolean any = false;
            boolean all = true;
            for (Boolean b : noMore.get()) {
                any = true;
                all &= b;
            }
            finished = any && all;
        }
        return new SourceReaderStateHandler(splits, assigned, noMore, subtaskIndex, restoredSplits, assignedIds, finished);
    }

    Set<String> assignedBeforeRestore() {
        return assignedBeforeRestore;
    }

    boolean enumerationFinishedBeforeRestore() {
        return enumerationFinishedBeforeRestore;
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

    <SplitT extends SourceSplit> void snapshot(SimpleVersionedSerializer<SplitT> serializer, Collection<SplitT> splits,
            Collection<String> assignedByLocalEnumerator, boolean noMoreSplits) throws Exception {
        if (splitsState == null) {
            throw new IllegalStateException("The source operator has no operator state (initializeState was not called)"
                    + " and cannot take part in a checkpoint");
        }
        List<byte[]> serialized = new ArrayList<>(splits.size());
        for (SplitT split : splits) {
            serialized.add(SimpleVersionedSerialization.writeVersionAndSerialize(serializer, split));
        }
        splitsState.update(serialized);
        Set<String> ids = new LinkedHashSet<>(assignedByLocalEnumerator);
        if (subtaskIndex == 0) {
            ids.addAll(assignedBeforeRestore);
        }
        assignedState.update(new ArrayList<>(ids));
        noMoreSplitsState.update(List.of(noMoreSplits || enumerationFinishedBeforeRestore));
    }
}

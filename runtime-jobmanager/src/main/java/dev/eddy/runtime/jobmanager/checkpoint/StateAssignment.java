package dev.eddy.runtime.jobmanager.checkpoint;

import dev.eddy.proto.CheckpointMetadataProto;
import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.proto.OperatorStatePartProto;
import dev.eddy.proto.OperatorStateProto;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.proto.TaskRestoreProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the state of a completed checkpoint or savepoint onto the subtasks of a (possibly rescaled)
 * job: one {@link TaskRestoreProto} per subtask of every vertex. Stateless and pure.
 *
 * <ul>
 *   <li>Operators are matched by uid ({@code JobVertexProto.operator_uids} lists a chain's uids).</li>
 *   <li>Keyed state: subtask i of p owns {@link KeyGroupRangeAssignment#computeKeyGroupRangeForOperatorIndex};
 *       it gets every managed and raw keyed handle whose key-group range overlaps its own (whole
 *       handles: backends read only their key groups). The vertex's max parallelism must equal the
 *       saved one.</li>
 *   <li>Operator list state, per state name: SPLIT_DISTRIBUTE concatenates all old subtasks'
 *       elements in subtask order and splits them into contiguous chunks whose sizes differ by at
 *       most one (earlier subtasks get the larger ones); UNION gives every subtask all elements;
 *       BROADCAST gives every subtask old subtask 0's elements.</li>
 *   <li>Saved state of a uid no vertex has fails the assignment, unless non-restored state is allowed.</li>
 * </ul>
 */
public final class StateAssignment {
    private StateAssignment() {}

    /** A vertex to assign state to. */
    public record Target(String vertexId, String name, int parallelism, int maxParallelism, List<String> operatorUids) {}

    /**
     * Returns vertex id → one restore descriptor per subtask index.
     *
     * @throws IllegalArgumentException on a max-parallelism mismatch or unclaimed state (see class doc)
     */
    public static Map<String, List<TaskRestoreProto>> assign(CheckpointMetadataProto metadata, Path baseDirectory,
            Collection<Target> targets, boolean allowNonRestoredState) {
        Map<String, OperatorStateProto> saved = new LinkedHashMap<>();
        for (OperatorStateProto op : metadata.getOperatorsList()) {
            saved.put(op.getOperatorUid(), op);
        }
        Set<String> claimed = new HashSet<>();
        Map<String, List<TaskRestoreProto.Builder>> builders = new LinkedHashMap<>();
        for (Target t : targets) {
            List<TaskRestoreProto.Builder> perSubtask = new ArrayList<>(t.parallelism());
            for (int i = 0; i < t.parallelism(); i++) {
                perSubtask.add(TaskRestoreProto.newBuilder().setCheckpointId(metadata.getCheckpointId())
                        .setBaseDirectory(baseDirectory.toString()));
            }
            for (String uid : t.operatorUids()) {
                OperatorStateProto op = saved.get(uid);
                if (op == null) {
                    continue;
                }
                claimed.add(uid);
                if (hasKeyedState(op) && op.getMaxParallelism() != t.maxParallelism()) {
                    throw new IllegalArgumentException("Cannot restore operator uid '" + uid + "' of '" + t.name() + "': the checkpoint "
                            + metadata.getCheckpointId() + " has keyed state for max parallelism " + op.getMaxParallelism()
                            + " but the job has max parallelism " + t.maxParallelism()
                            + "; the max parallelism of a keyed operator cannot change across a restore: set it back to "
                            + op.getMaxParallelism());
                }
                for (int i = 0; i < t.parallelism(); i++) {
                    OperatorSubtaskStateProto s = subtaskState(op, uid, t, i);
                    if (!isEmpty(s)) {
                        perSubtask.get(i).addOperators(s);
                    }
                }
            }
            builders.put(t.vertexId(), perSubtask);
        }
        checkAllClaimed(saved, claimed, metadata.getCheckpointId(), allowNonRestoredState);
        Map<String, List<TaskRestoreProto>> result = new LinkedHashMap<>();
        builders.forEach((vertexId, list) -> result.put(vertexId, list.stream().map(TaskRestoreProto.Builder::build).toList()));
        return result;
    }

    private static void checkAllClaimed(Map<String, OperatorStateProto> saved, Set<String> claimed, long checkpointId, boolean allow) {
        if (allow) {
            return;
        }
        for (OperatorStateProto op : saved.values()) {
            if (!claimed.contains(op.getOperatorUid()) && op.getSubtasksList().stream().anyMatch(s -> !isEmpty(s))) {
                throw new IllegalArgumentException("Checkpoint " + checkpointId + " has state for operator uid '" + op.getOperatorUid()
                        + "', which no operator of the job has. Give the operator that should own it this uid (uid(\"..."
                        + "\")), or skip that state with --allowNonRestoredState (execution.state-recovery.ignore-unclaimed-state: true)");
            }
        }
    }

    /** The state of new subtask {@code index} of {@code t} for one saved operator. */
    static OperatorSubtaskStateProto subtaskState(OperatorStateProto op, String uid, Target t, int index) {
        OperatorSubtaskStateProto.Builder b = OperatorSubtaskStateProto.newBuilder().setOperatorUid(uid);
        if (hasKeyedState(op)) {
            KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(t.maxParallelism(), t.parallelism(), index);
            for (OperatorSubtaskStateProto old : op.getSubtasksList()) {
                for (KeyedStateHandleProto h : old.getManagedKeyedList()) {
                    if (overlaps(h, range)) {
                        b.addManagedKeyed(h);
                    }
                }
                for (KeyGroupsStateHandleProto h : old.getRawKeyedList()) {
                    if (overlaps(h.getStartKeyGroup(), h.getStartKeyGroup() + h.getOffsetsCount() - 1, range)) {
                        b.addRawKeyed(h);
                    }
                }
            }
        }
        b.addAllOperatorState(redistribute(op.getSubtasksList(), index, t.parallelism()));
        return b.build();
    }

    /** The operator state parts new subtask {@code index} of {@code parallelism} gets. */
    static List<OperatorStatePartProto> redistribute(List<OperatorSubtaskStateProto> oldSubtasks, int index, int parallelism) {
        Map<String, List<OperatorStatePartProto>> byName = new LinkedHashMap<>();
        for (OperatorSubtaskStateProto old : oldSubtasks) {
            for (OperatorStatePartProto part : old.getOperatorStateList()) {
                byName.computeIfAbsent(part.getName(), n -> new ArrayList<>()).add(part);
            }
        }
        List<OperatorStatePartProto> result = new ArrayList<>();
        for (Map.Entry<String, List<OperatorStatePartProto>> e : byName.entrySet()) {
            List<OperatorStatePartProto> parts = e.getValue();
            OperatorStatePartProto.Mode mode = parts.get(0).getMode();
            OperatorStatePartProto.Builder out = OperatorStatePartProto.newBuilder().setName(e.getKey()).setMode(mode);
            switch (mode) {
                case BROADCAST -> out.addAllElements(parts.get(0).getElementsList());
                case UNION -> parts.forEach(p -> out.addAllElements(p.getElementsList()));
                default -> {
                    List<com.google.protobuf.ByteString> all = new ArrayList<>();
                    parts.forEach(p -> all.addAll(p.getElementsList()));
                    int base = all.size() / parallelism;
                    int remainder = all.size() % parallelism;
                    int from = index * base + Math.min(index, remainder);
                    int to = from + base + (index < remainder ? 1 : 0);
                    out.addAllElements(all.subList(from, to));
                }
            }
            result.add(out.build());
        }
        return result;
    }

    private static boolean hasKeyedState(OperatorStateProto op) {
        return op.getSubtasksList().stream().anyMatch(s -> s.getManagedKeyedCount() > 0 || s.getRawKeyedCount() > 0);
    }

    private static boolean overlaps(KeyedStateHandleProto h, KeyGroupRange range) {
        if (h.hasKeyGroups()) {
            KeyGroupsStateHandleProto k = h.getKeyGroups();
            return overlaps(k.getStartKeyGroup(), k.getStartKeyGroup() + k.getOffsetsCount() - 1, range);
        }
        if (h.hasIncremental()) {
            return overlaps(h.getIncremental().getStartKeyGroup(), h.getIncremental().getEndKeyGroup(), range);
        }
        return false;
    }

    private static boolean overlaps(int start, int endInclusive, KeyGroupRange range) {
        return start <= range.getEndKeyGroup() && endInclusive >= range.getStartKeyGroup() && endInclusive >= start;
    }

    static boolean isEmpty(OperatorSubtaskStateProto s) {
        return s.getManagedKeyedCount() == 0 && s.getRawKeyedCount() == 0 && s.getOperatorStateCount() == 0;
    }
}

package dev.eddy.runtime.taskmanager.state.harness;

import com.google.protobuf.ByteString;
import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.proto.OperatorStatePartProto;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the JobMaster gives a subtask on restore (CHECKPOINT_DESIGN step 5-6), for tests: keyed
 * handles whose key-group range overlaps the new subtask's, and operator state redistributed by
 * mode. Stateless.
 */
public final class StateRedistribution {
    private StateRedistribution() {}

    /**
     * @param old the old subtasks' states in subtask order (null entries: subtask had nothing)
     * @return the state of new subtask {@code newIndex} of {@code newParallelism}, or null when empty
     */
    public static OperatorSubtaskStateProto forSubtask(String uid, List<OperatorSubtaskStateProto> old, int maxParallelism,
            int newParallelism, int newIndex) {
        KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, newParallelism, newIndex);
        OperatorSubtaskStateProto.Builder b = OperatorSubtaskStateProto.newBuilder().setOperatorUid(uid);
        for (OperatorSubtaskStateProto s : old) {
            if (s == null) {
                continue;
            }
            for (KeyedStateHandleProto k : s.getManagedKeyedList()) {
                int start = k.hasKeyGroups() ? k.getKeyGroups().getStartKeyGroup() : k.getIncremental().getStartKeyGroup();
                int end = k.hasKeyGroups() ? start + k.getKeyGroups().getOffsetsCount() - 1 : k.getIncremental().getEndKeyGroup();
                if (overlaps(range, start, end)) {
                    b.addManagedKeyed(k);
                }
            }
            for (KeyGroupsStateHandleProto r : s.getRawKeyedList()) {
                if (overlaps(range, r.getStartKeyGroup(), r.getStartKeyGroup() + r.getOffsetsCount() - 1)) {
                    b.addRawKeyed(r);
                }
            }
        }
        b.addAllOperatorState(operatorState(old, newParallelism, newIndex));
        boolean empty = b.getManagedKeyedCount() == 0 && b.getRawKeyedCount() == 0 && b.getOperatorStateCount() == 0;
        return empty ? null : b.build();
    }

    /** The state with every file path under {@code base} made relative to it. */
    public static OperatorSubtaskStateProto relativize(OperatorSubtaskStateProto s, java.nio.file.Path base) {
        OperatorSubtaskStateProto.Builder b = s.toBuilder().clearManagedKeyed().clearRawKeyed();
        for (KeyedStateHandleProto k : s.getManagedKeyedList()) {
            if (!k.hasKeyGroups()) {
                throw new IllegalArgumentException("A savepoint has only canonical keyed state handles, got " + k);
            }
            b.addManagedKeyed(k.toBuilder().setKeyGroups(relativize(k.getKeyGroups(), base)));
        }
        for (KeyGroupsStateHandleProto r : s.getRawKeyedList()) {
            b.addRawKeyed(relativize(r, base));
        }
        return b.build();
    }

    private static KeyGroupsStateHandleProto relativize(KeyGroupsStateHandleProto h, java.nio.file.Path base) {
        java.nio.file.Path p = java.nio.file.Path.of(h.getPath());
        if (!p.startsWith(base)) {
            throw new IllegalArgumentException(p + " is not under " + base);
        }
        return h.toBuilder().setPath(base.relativize(p).toString()).build();
    }

    private static boolean overlaps(KeyGroupRange range, int start, int end) {
        return start <= range.getEndKeyGroup() && end >= range.getStartKeyGroup();
    }

    private static List<OperatorStatePartProto> operatorState(List<OperatorSubtaskStateProto> old, int newParallelism, int newIndex) {
        Map<String, OperatorStatePartProto.Mode> modes = new LinkedHashMap<>();
        Map<String, List<ByteString>> all = new LinkedHashMap<>();
        Map<String, List<ByteString>> first = new LinkedHashMap<>();
        for (int i = 0; i < old.size(); i++) {
            OperatorSubtaskStateProto s = old.get(i);
            if (s == null) {
                continue;
            }
            for (OperatorStatePartProto p : s.getOperatorStateList()) {
                modes.put(p.getName(), p.getMode());
                all.computeIfAbsent(p.getName(), n -> new ArrayList<>()).addAll(p.getElementsList());
                if (i == 0) {
                    first.computeIfAbsent(p.getName(), n -> new ArrayList<>()).addAll(p.getElementsList());
                }
            }
        }
        List<OperatorStatePartProto> out = new ArrayList<>();
        for (Map.Entry<String, OperatorStatePartProto.Mode> e : modes.entrySet()) {
            List<ByteString> elements = all.get(e.getKey());
            List<ByteString> mine;
            switch (e.getValue()) {
                case SPLIT_DISTRIBUTE:
                    int n = elements.size();
                    mine = elements.subList(newIndex * n / newParallelism, (newIndex + 1) * n / newParallelism);
                    break;
                case BROADCAST:
                    mine = first.getOrDefault(e.getKey(), List.of());
                    break;
                default:
                    mine = elements;
            }
            out.add(OperatorStatePartProto.newBuilder().setName(e.getKey()).setMode(e.getValue()).addAllElements(mine).build());
        }
        return out;
    }
}

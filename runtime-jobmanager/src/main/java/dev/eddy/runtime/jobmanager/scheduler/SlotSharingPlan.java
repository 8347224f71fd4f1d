package dev.eddy.runtime.jobmanager.scheduler;

import dev.eddy.proto.JobVertexProto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slot sharing: a shared slot hosts at most one subtask of each vertex of its slot sharing group.
 * A group therefore needs as many slots as its largest parallelism, and subtask i of every vertex
 * of the group goes to the group's i-th slot. Groups never share slots, so a job needs the sum over
 * its groups. Immutable.
 */
public final class SlotSharingPlan {
    /** Group name → index of its first slot in the job's slot list. */
    private final Map<String, Integer> groupOffsets;
    private final Map<String, Integer> groupSizes;
    private final int totalSlots;

    private SlotSharingPlan(Map<String, Integer> groupOffsets, Map<String, Integer> groupSizes, int totalSlots) {
        this.groupOffsets = groupOffsets;
        this.groupSizes = groupSizes;
        this.totalSlots = totalSlots;
    }

    public static SlotSharingPlan of(List<JobVertexProto> vertices) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (JobVertexProto v : vertices) {
            sizes.merge(groupOf(v), v.getParallelism(), Math::max);
        }
        Map<String, Integer> offsets = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            offsets.put(e.getKey(), total);
            total += e.getValue();
        }
        return new SlotSharingPlan(Map.copyOf(offsets), Map.copyOf(sizes), total);
    }

    /** Slots the job needs in total. */
    public int totalSlots() {
        return totalSlots;
    }

    /** Slots the named group needs. */
    public int slotsOfGroup(String group) {
        return groupSizes.getOrDefault(group, 0);
    }

    /** Index into the job's slot list for this subtask. */
    public int slotIndexOf(JobVertexProto vertex, int subtask) {
        return groupOffsets.get(groupOf(vertex)) + subtask;
    }

    private static String groupOf(JobVertexProto v) {
        return v.getSlotSharingGroup().isEmpty() ? "default" : v.getSlotSharingGroup();
    }
}

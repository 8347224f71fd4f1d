package dev.eddy.runtime.taskmanager;

import dev.eddy.proto.SlotStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The TaskManager's slots. A slot is free, or held by one allocation of one job; with slot
 * sharing several tasks (of different vertices) of that allocation run in it. Not thread-safe:
 * owned by the TaskExecutor's executor.
 */
final class TaskSlotTable {
    private final Slot[] slots;

    TaskSlotTable(int numberOfSlots) {
        if (numberOfSlots <= 0) {
            throw new IllegalArgumentException("taskmanager.numberOfTaskSlots must be > 0, was " + numberOfSlots);
        }
        slots = new Slot[numberOfSlots];
        for (int i = 0; i < numberOfSlots; i++) {
            slots[i] = new Slot(i);
        }
    }

    /**
     * The slot held by {@code allocationId}, else the first free slot, now held by it.
     *
     * @throws IllegalStateException saying why when no slot can be used
     */
    Slot allocate(String allocationId, String jobId) {
        if (allocationId == null || allocationId.isEmpty()) {
            throw new IllegalStateException("The deployment has no allocation id");
        }
        Slot held = find(allocationId);
        if (held != null) {
            if (!held.jobId.equals(jobId)) {
                throw new IllegalStateException("Allocation " + allocationId + " holds slot " + held.index + " for job " + held.jobId
                        + ", not for job " + jobId);
            }
            return held;
        }
        for (Slot s : slots) {
            if (s.isFree()) {
                s.allocationId = allocationId;
                s.jobId = jobId;
                return s;
            }
        }
        throw new IllegalStateException("No free slot for allocation " + allocationId + ": all " + slots.length
                + " slots are held (" + describe() + ")");
    }

    Slot find(String allocationId) {
        for (Slot s : slots) {
            if (allocationId.equals(s.allocationId)) {
                return s;
            }
        }
        return null;
    }

    /** Frees the slot; returns the attempt ids that were still registered in it. */
    Set<String> free(String allocationId) {
        Slot s = find(allocationId);
        if (s == null) {
            return Set.of();
        }
        Set<String> tasks = Set.copyOf(s.tasks);
        s.allocationId = null;
        s.jobId = null;
        s.tasks.clear();
        return tasks;
    }

    void freeAll() {
        for (Slot s : slots) {
            if (!s.isFree()) {
                free(s.allocationId);
            }
        }
    }

    int numberOfSlots() {
        return slots.length;
    }

    int numberOfFreeSlots() {
        int n = 0;
        for (Slot s : slots) {
            n += s.isFree() ? 1 : 0;
        }
        return n;
    }

    List<SlotStatus> report() {
        List<SlotStatus> out = new ArrayList<>();
        for (Slot s : slots) {
            SlotStatus.Builder b = SlotStatus.newBuilder().setSlotIndex(s.index);
            if (!s.isFree()) {
                b.setAllocationId(s.allocationId).setJobId(s.jobId);
            }
            out.add(b.build());
        }
        return out;
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        for (Slot s : slots) {
            sb.append(sb.length() == 0 ? "" : ", ").append(s.index).append(": ").append(s.isFree() ? "free" : s.allocationId + " of job " + s.jobId);
        }
        return sb.toString();
    }

    /** One slot. */
    static final class Slot {
        final int index;
        String allocationId;
        String jobId;
        final Set<String> tasks = new LinkedHashSet<>();

        Slot(int index) {
            this.index = index;
        }

        boolean isFree() {
            return allocationId == null;
        }
    }
}

package dev.eddy.runtime.jobmanager.resourcemanager;

import dev.eddy.proto.TaskManagerInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * One registered TaskManager and the allocation state of its slots. Mutable; confined to the
 * ResourceManager's thread.
 */
final class TaskManagerRegistration {
    final String taskManagerId;
    String rpcAddress;
    String dataAddress;
    long lastHeartbeatMillis;
    /** Per slot index: the allocation id, or null when free. */
    private final String[] allocationIds;
    /** Per slot index: the job holding it, or null when free. */
    private final String[] jobIds;

    TaskManagerRegistration(String taskManagerId, String rpcAddress, String dataAddress, int slots, long nowMillis) {
        this.taskManagerId = taskManagerId;
        this.rpcAddress = rpcAddress;
        this.dataAddress = dataAddress;
        this.lastHeartbeatMillis = nowMillis;
        this.allocationIds = new String[slots];
        this.jobIds = new String[slots];
    }

    int numberOfSlots() {
        return allocationIds.length;
    }

    int freeSlots() {
        int n = 0;
        for (String a : allocationIds) {
            if (a == null) {
                n++;
            }
        }
        return n;
    }

    /** The lowest free slot index, or -1. */
    int firstFreeSlot() {
        for (int i = 0; i < allocationIds.length; i++) {
            if (allocationIds[i] == null) {
                return i;
            }
        }
        return -1;
    }

    AllocatedSlot allocate(int slotIndex, String allocationId, String jobId) {
        if (allocationIds[slotIndex] != null) {
            throw new IllegalStateException("Slot " + slotIndex + " of " + taskManagerId + " is already allocated");
        }
        allocationIds[slotIndex] = allocationId;
        jobIds[slotIndex] = jobId;
        return new AllocatedSlot(allocationId, jobId, taskManagerId, rpcAddress, dataAddress, slotIndex);
    }

    /** Frees the slot with this allocation of this job; returns whether it was found. */
    boolean free(String allocationId, String jobId) {
        for (int i = 0; i < allocationIds.length; i++) {
            if (allocationId.equals(allocationIds[i]) && jobId.equals(jobIds[i])) {
                allocationIds[i] = null;
                jobIds[i] = null;
                return true;
            }
        }
        return false;
    }

    /** Jobs holding at least one slot here, without duplicates. */
    List<String> jobsWithSlots() {
        List<String> jobs = new ArrayList<>();
        for (String j : jobIds) {
            if (j != null && !jobs.contains(j)) {
                jobs.add(j);
            }
        }
        return jobs;
    }

    boolean hasSlotsOf(String jobId) {
        for (String j : jobIds) {
            if (jobId.equals(j)) {
                return true;
            }
        }
        return false;
    }

    TaskManagerInfo toInfo() {
        return TaskManagerInfo.newBuilder()
                .setTaskManagerId(taskManagerId)
                .setRpcAddress(rpcAddress)
                .setDataAddress(dataAddress)
                .setSlotsTotal(numberOfSlots())
                .setSlotsFree(freeSlots())
                .build();
    }

    String describe() {
        return "TaskManager " + taskManagerId + " (" + rpcAddress + ")";
    }
}

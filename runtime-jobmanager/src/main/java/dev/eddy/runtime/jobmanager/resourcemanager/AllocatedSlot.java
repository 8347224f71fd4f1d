package dev.eddy.runtime.jobmanager.resourcemanager;

/**
 * A slot the ResourceManager handed to a job: where it is and under which allocation id the job
 * deploys into it. Immutable.
 */
public record AllocatedSlot(
        String allocationId, String jobId, String taskManagerId, String rpcAddress, String dataAddress, int slotIndex) {

    @Override
    public String toString() {
        return "slot " + slotIndex + " of TaskManager " + taskManagerId + " (" + rpcAddress + "), allocation " + allocationId;
    }
}

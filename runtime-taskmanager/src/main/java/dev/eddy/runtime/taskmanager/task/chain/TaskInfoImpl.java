package dev.eddy.runtime.taskmanager.task.chain;

import dev.eddy.api.common.TaskInfo;

/** Immutable facts about one subtask attempt. */
public record TaskInfoImpl(String taskName, int maxNumberOfParallelSubtasks, int indexOfThisSubtask,
        int numberOfParallelSubtasks, int attemptNumber, String allocationId) implements TaskInfo {

    @Override
    public String getTaskName() {
        return taskName;
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return maxNumberOfParallelSubtasks;
    }

    @Override
    public int getIndexOfThisSubtask() {
        return indexOfThisSubtask;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return numberOfParallelSubtasks;
    }

    @Override
    public int getAttemptNumber() {
        return attemptNumber;
    }

    /** "Map -> Sink (2/4)#0". */
    @Override
    public String getTaskNameWithSubtasks() {
        return taskName + " (" + (indexOfThisSubtask + 1) + "/" + numberOfParallelSubtasks + ")#" + attemptNumber;
    }

    @Override
    public String getAllocationIDAsString() {
        return allocationId;
    }
}

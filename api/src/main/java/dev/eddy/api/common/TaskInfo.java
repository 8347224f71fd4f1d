package dev.eddy.api.common;

/** Facts about the running subtask. */
public interface TaskInfo {
    String getTaskName();

    int getMaxNumberOfParallelSubtasks();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getAttemptNumber();

    /** "name (index+1/parallelism)#attempt", as in logs. */
    String getTaskNameWithSubtasks();

    String getAllocationIDAsString();
}

package dev.eddy.api.connector.sink2;

import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;

/** What a {@link Committer} gets when it is created (on the sink task thread). */
public interface CommitterInitContext {
    TaskInfo getTaskInfo();

    JobInfo getJobInfo();

    /** Index of this subtask, from 0. */
    default int getSubtaskId() {
        return getTaskInfo().getIndexOfThisSubtask();
    }
}

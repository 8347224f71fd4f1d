package dev.eddy.api.connector.sink2;

import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import dev.eddy.streaming.api.operators.ProcessingTimeService;

/** What a sink writer gets when it is created. Task thread only. */
public interface WriterInitContext {
    TaskInfo getTaskInfo();

    JobInfo getJobInfo();

    /** Wall-clock timers whose callbacks run on the task thread. */
    ProcessingTimeService getProcessingTimeService();

    /** Runs work on the task thread. */
    MailboxExecutor getMailboxExecutor();

    ClassLoader getUserCodeClassLoader();

    /** Index of this subtask, from 0. */
    default int getSubtaskId() {
        return getTaskInfo().getIndexOfThisSubtask();
    }

    /** Number of parallel sink subtasks. */
    default int getNumberOfParallelSubtasks() {
        return getTaskInfo().getNumberOfParallelSubtasks();
    }
}

package dev.eddy.runtime.taskmanager.task.chain;

import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;
import dev.eddy.configuration.Configuration;
import dev.eddy.runtime.taskmanager.state.StateBackendSettings;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import dev.eddy.streaming.api.operators.ProcessingTimeService;

/**
 * What every operator of a task shares.
 *
 * @param objectReuse pipeline.object-reuse: when false, records passed between chained operators are copied
 * @param jobBufferTimeoutMillis the job's buffer timeout: &gt; 0 periodic flush, 0 flush every record, -1 disabled
 * @param stateBackend which keyed state backend the chain's keyed operators get
 * @param jobConfiguration the job's configuration, offered to operators (read-only by convention)
 */
public record ChainContext(TaskInfo taskInfo, JobInfo jobInfo, ClassLoader userClassLoader,
        ProcessingTimeService processingTimeService, MailboxExecutor mailboxExecutor, boolean objectReuse,
        long jobBufferTimeoutMillis, StateBackendSettings stateBackend, Configuration jobConfiguration) {

    /** A context with an empty job configuration (option defaults apply). */
    public ChainContext(TaskInfo taskInfo, JobInfo jobInfo, ClassLoader userClassLoader,
            ProcessingTimeService processingTimeService, MailboxExecutor mailboxExecutor, boolean objectReuse,
            long jobBufferTimeoutMillis, StateBackendSettings stateBackend) {
        this(taskInfo, jobInfo, userClassLoader, processingTimeService, mailboxExecutor, objectReuse, jobBufferTimeoutMillis,
                stateBackend, new Configuration());
    }

    /** A context with the heap state backend. */
    public ChainContext(TaskInfo taskInfo, JobInfo jobInfo, ClassLoader userClassLoader,
            ProcessingTimeService processingTimeService, MailboxExecutor mailboxExecutor, boolean objectReuse,
            long jobBufferTimeoutMillis) {
        this(taskInfo, jobInfo, userClassLoader, processingTimeService, mailboxExecutor, objectReuse, jobBufferTimeoutMillis,
                StateBackendSettings.heap());
    }
}

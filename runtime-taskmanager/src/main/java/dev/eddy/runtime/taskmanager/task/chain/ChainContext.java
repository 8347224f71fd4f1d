package dev.eddy.runtime.taskmanager.task.chain;

import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import dev.eddy.streaming.api.operators.ProcessingTimeService;

/**
 * What every operator of a task shares.
 *
 * @param objectReuse pipeline.object-reuse: when false, records passed between chained operators are copied
 * @param jobBufferTimeoutMillis the job's buffer timeout: &gt; 0 periodic flush, 0 flush every record, -1 disabled
 */
public record ChainContext(TaskInfo taskInfo, JobInfo jobInfo, ClassLoader userClassLoader,
        ProcessingTimeService processingTimeService, MailboxExecutor mailboxExecutor, boolean objectReuse,
        long jobBufferTimeoutMillis) {}

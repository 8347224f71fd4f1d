package dev.eddy.runtime.taskmanager.task;

import dev.eddy.runtime.gateway.JobMasterGateway;
import dev.eddy.runtime.taskmanager.network.ShuffleEnvironment;
import dev.eddy.runtime.taskmanager.task.io.NetworkIOFactory;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TaskManager-wide services a task uses. All thread-safe.
 *
 * @param jobMaster where state changes are reported
 * @param shuffleEnvironment creates the task's partitions and gates
 * @param timerService the TaskManager's shared scheduler; its callbacks only enqueue mail
 * @param ioFactory element-level writers/readers over partitions and gates
 * @param asyncSnapshots runs the asynchronous parts of checkpoints (file writes) off the task threads
 */
public record TaskServices(JobMasterGateway jobMaster, ShuffleEnvironment shuffleEnvironment,
        ScheduledExecutorService timerService, NetworkIOFactory ioFactory, Executor asyncSnapshots) {

    private static final ExecutorService SHARED_ASYNC = Executors.newCachedThreadPool(daemonThreads("eddy-async-snapshot-"));

    /** Services with the process-wide shared async snapshot pool. */
    public TaskServices(JobMasterGateway jobMaster, ShuffleEnvironment shuffleEnvironment, ScheduledExecutorService timerService,
            NetworkIOFactory ioFactory) {
        this(jobMaster, shuffleEnvironment, timerService, ioFactory, SHARED_ASYNC);
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

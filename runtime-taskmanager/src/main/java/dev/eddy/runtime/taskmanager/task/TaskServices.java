package dev.eddy.runtime.taskmanager.task;

import dev.eddy.runtime.gateway.JobMasterGateway;
import dev.eddy.runtime.taskmanager.network.ShuffleEnvironment;
import dev.eddy.runtime.taskmanager.task.io.NetworkIOFactory;
import java.util.concurrent.ScheduledExecutorService;

/**
 * TaskManager-wide services a task uses. All thread-safe.
 *
 * @param jobMaster where state changes are reported
 * @param shuffleEnvironment creates the task's partitions and gates
 * @param timerService the TaskManager's shared scheduler; its callbacks only enqueue mail
 * @param ioFactory element-level writers/readers over partitions and gates
 */
public record TaskServices(JobMasterGateway jobMaster, ShuffleEnvironment shuffleEnvironment,
        ScheduledExecutorService timerService, NetworkIOFactory ioFactory) {}

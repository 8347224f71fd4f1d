package dev.eddy.runtime.taskmanager;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.HeartbeatManagerOptions;
import dev.eddy.configuration.TaskManagerOptions;
import java.time.Duration;

/**
 * Identity and timing of one TaskExecutor. Immutable.
 *
 * @param rpcAddress host:port of this TaskManager's TaskExecutorService
 * @param dataAddress host:port of this TaskManager's data server
 * @param heartbeatInterval used until the ResourceManager's registration answer names its own
 * @param heartbeatTimeout JobManager silent for longer: cancel all tasks and re-register
 */
public record TaskExecutorSettings(String taskManagerId, String rpcAddress, String dataAddress, int numberOfSlots,
        Duration heartbeatInterval, Duration heartbeatTimeout, Duration registrationBackoffInitial, Duration registrationBackoffMax) {

    public static TaskExecutorSettings fromConfiguration(Configuration conf, String taskManagerId, String rpcAddress, String dataAddress) {
        Duration interval = conf.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL);
        return new TaskExecutorSettings(taskManagerId, rpcAddress, dataAddress, conf.get(TaskManagerOptions.NUM_TASK_SLOTS), interval,
                conf.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT), Duration.ofMillis(100),
                interval.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : interval);
    }
}

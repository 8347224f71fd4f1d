package dev.eddy.configuration;

/** TaskManager options. */
public final class TaskManagerOptions {
    private TaskManagerOptions() {}

    public static final ConfigOption<Integer> NUM_TASK_SLOTS = ConfigOptions.key("taskmanager.numberOfTaskSlots").intType().defaultValue(1);
    /** Address other processes use to reach this TaskManager; defaults to the address it reaches the JobManager from. */
    public static final ConfigOption<String> HOST = ConfigOptions.key("taskmanager.host").stringType().noDefaultValue();
    public static final ConfigOption<String> BIND_HOST = ConfigOptions.key("taskmanager.bind-host").stringType().defaultValue("0.0.0.0");
    /** gRPC port of the TaskExecutor service; 0 = ephemeral. */
    public static final ConfigOption<Integer> RPC_PORT = ConfigOptions.key("taskmanager.rpc.port").intType().defaultValue(0);
    /** Netty data port; 0 = ephemeral. */
    public static final ConfigOption<Integer> DATA_PORT = ConfigOptions.key("taskmanager.data.port").intType().defaultValue(0);
    /** Where the TaskManager caches job jars; defaults to a temp directory. */
    public static final ConfigOption<String> TMP_DIRS = ConfigOptions.key("io.tmp.dirs").stringType().noDefaultValue();
}

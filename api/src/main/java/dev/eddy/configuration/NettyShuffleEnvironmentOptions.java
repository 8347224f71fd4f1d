package dev.eddy.configuration;

/** Data plane (network buffers) options, with Flink's key names. */
public final class NettyShuffleEnvironmentOptions {
    private NettyShuffleEnvironmentOptions() {}

    /** Size of one network buffer. */
    public static final ConfigOption<MemorySize> MEMORY_SEGMENT_SIZE = ConfigOptions.key("taskmanager.memory.segment-size").memoryType()
            .defaultValue(MemorySize.parse("32 kb"));
    /** Total memory of the TaskManager's network buffer pool. */
    public static final ConfigOption<MemorySize> NETWORK_MEMORY_MAX = ConfigOptions.key("taskmanager.memory.network.max").memoryType()
            .defaultValue(MemorySize.parse("64 mb"));
    /** Exclusive buffers per input channel (the initial credit). */
    public static final ConfigOption<Integer> NETWORK_BUFFERS_PER_CHANNEL = ConfigOptions.key("taskmanager.network.memory.buffers-per-channel")
            .intType().defaultValue(2);
    /** Floating buffers shared by the channels of one input gate. */
    public static final ConfigOption<Integer> NETWORK_EXTRA_BUFFERS_PER_GATE = ConfigOptions.key("taskmanager.network.memory.floating-buffers-per-gate")
            .intType().defaultValue(8);
    /** Largest frame accepted on a data connection; bigger frames close the connection. */
    public static final ConfigOption<MemorySize> MAX_FRAME_SIZE = ConfigOptions.key("taskmanager.network.max-frame-size").memoryType()
            .defaultValue(MemorySize.parse("1 mb"));
}

package dev.eddy.configuration;

import java.time.Duration;

/** JobManager options. */
public final class JobManagerOptions {
    private JobManagerOptions() {}

    public static final ConfigOption<String> ADDRESS = ConfigOptions.key("jobmanager.rpc.address").stringType().defaultValue("localhost");
    public static final ConfigOption<Integer> PORT = ConfigOptions.key("jobmanager.rpc.port").intType().defaultValue(6123);
    /** Address the JobManager binds to; defaults to all interfaces. */
    public static final ConfigOption<String> BIND_HOST = ConfigOptions.key("jobmanager.bind-host").stringType().defaultValue("0.0.0.0");
    /** Largest job jar accepted by the dispatcher. */
    public static final ConfigOption<MemorySize> MAX_JAR_SIZE = ConfigOptions.key("jobmanager.upload.max-jar-size").memoryType()
            .defaultValue(MemorySize.parse("512 mb"));
    /** Where uploaded jars are stored by their SHA-256; defaults to a temp directory. */
    public static final ConfigOption<String> BLOB_DIR = ConfigOptions.key("blob.storage.directory").stringType().noDefaultValue();
    /** A job that cannot get all its slots within this time fails. Flink: 5 min; Eddy: 60 s (static clusters). */
    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT = ConfigOptions.key("slot.request.timeout").durationType()
            .defaultValue(Duration.ofSeconds(60));
}

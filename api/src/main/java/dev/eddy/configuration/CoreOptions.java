package dev.eddy.configuration;

/** General options. */
public final class CoreOptions {
    private CoreOptions() {}

    public static final ConfigOption<Integer> DEFAULT_PARALLELISM = ConfigOptions.key("parallelism.default").intType().defaultValue(1)
            .withDescription("Parallelism of operators that set none.");
}

package dev.eddy.configuration;

/** Where and how a job is submitted. */
public final class DeploymentOptions {
    private DeploymentOptions() {}

    /** "local" (embedded mini-cluster, the default) or "remote" (a JobManager). */
    public static final ConfigOption<String> TARGET = ConfigOptions.key("execution.target").stringType().defaultValue("local");
    /** When false, execute() returns as soon as the job is accepted. */
    public static final ConfigOption<Boolean> ATTACHED = ConfigOptions.key("execution.attached").booleanType().defaultValue(true);
}

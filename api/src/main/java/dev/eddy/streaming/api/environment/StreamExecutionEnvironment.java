package dev.eddy.streaming.api.environment;

import dev.eddy.configuration.Configuration;
import dev.eddy.core.execution.JobListener;

/** The entry point of a job. STUB: the datastream package implements the whole class. */
public class StreamExecutionEnvironment {
    /** Used by the CLI before it invokes a job's main: settings that getExecutionEnvironment() picks up. */
    public static void initializeContextEnvironment(Configuration contextConfiguration) {
        throw new UnsupportedOperationException("stub");
    }

    public static void resetContextEnvironment() {
        throw new UnsupportedOperationException("stub");
    }

    /** Listeners that every environment created from now on (in this JVM) registers; used by the CLI. */
    public static void addContextJobListener(JobListener listener) {
        throw new UnsupportedOperationException("stub");
    }

    public static StreamExecutionEnvironment getExecutionEnvironment() {
        throw new UnsupportedOperationException("stub");
    }

    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        throw new UnsupportedOperationException("stub");
    }

    public void registerJobListener(JobListener listener) {
        throw new UnsupportedOperationException("stub");
    }
}

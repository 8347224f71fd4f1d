package dev.eddy.client.cli.testjobs;

import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;

/** A small job for CLI tests: numbers 1..10 printed. */
public final class SequenceJob {
    private SequenceJob() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, 10).print();
        env.execute(args.length > 0 ? args[0] : "sequence");
    }
}

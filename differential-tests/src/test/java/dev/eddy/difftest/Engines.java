package dev.eddy.difftest;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs one differential job on each engine and returns its output lines, sorted. */
final class Engines {
    private Engines() {}

    @SuppressWarnings("unchecked")
    static List<String> runEddy(Class<?> job, int parallelism) throws Exception {
        dev.eddy.streaming.api.environment.StreamExecutionEnvironment env =
                dev.eddy.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        Method build = job.getMethod("build", dev.eddy.streaming.api.environment.StreamExecutionEnvironment.class);
        dev.eddy.streaming.api.datastream.DataStream<String> stream =
                (dev.eddy.streaming.api.datastream.DataStream<String>) build.invoke(null, env);
        List<String> lines = new ArrayList<>();
        try (dev.eddy.util.CloseableIterator<String> it = stream.executeAndCollect()) {
            it.forEachRemaining(lines::add);
        }
        Collections.sort(lines);
        return lines;
    }

    @SuppressWarnings("unchecked")
    static List<String> runFlink(Class<?> job, int parallelism) throws Exception {
        org.apache.flink.streaming.api.environment.StreamExecutionEnvironment env =
                org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        Method build = job.getMethod("build", org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.class);
        org.apache.flink.streaming.api.datastream.DataStream<String> stream =
                (org.apache.flink.streaming.api.datastream.DataStream<String>) build.invoke(null, env);
        List<String> lines = new ArrayList<>();
        try (org.apache.flink.util.CloseableIterator<String> it = stream.executeAndCollect()) {
            it.forEachRemaining(lines::add);
        }
        Collections.sort(lines);
        return lines;
    }
}

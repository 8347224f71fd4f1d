package dev.eddy.connector.testing;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.connector.source.Source;
import dev.eddy.streaming.api.operators.source.SourceReaderOperator;
import java.util.ArrayList;
import java.util.List;

/** Runs one {@link SourceReaderOperator} per subtask index, one after the other, to the end. */
public final class SourceRuns {
    private SourceRuns() {}

    public static <T> List<TestSubtask<T>> runAll(Source<T, ?, ?> source, int parallelism) throws Exception {
        return runAll(source, WatermarkStrategy.noWatermarks(), parallelism);
    }

    public static <T> List<TestSubtask<T>> runAll(Source<T, ?, ?> source, WatermarkStrategy<T> strategy, int parallelism)
            throws Exception {
        List<TestSubtask<T>> subtasks = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            TestSubtask<T> subtask = new TestSubtask<>(i, parallelism);
            run(new SourceReaderOperator<>(source, strategy), subtask);
            subtasks.add(subtask);
        }
        return subtasks;
    }

    public static <T> void run(SourceReaderOperator<T> operator, TestSubtask<T> subtask) throws Exception {
        operator.setup(subtask.parameters());
        try {
            operator.open();
            operator.run(subtask.control());
            operator.finish();
        } finally {
            operator.close();
        }
    }

    public static <T> List<T> union(List<TestSubtask<T>> subtasks) {
        List<T> all = new ArrayList<>();
        for (TestSubtask<T> s : subtasks) {
            all.addAll(s.values());
        }
        return all;
    }
}

package dev.eddy.connector.testing;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.connector.source.Source;
import dev.eddy.streaming.api.operators.source.SourceReaderOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one {@link SourceReaderOperator} per subtask index, one after the other, to the end, all
 * served by one {@link TestSourceCoordinator}. The subtasks run in turn, so the first ones may
 * take every split: assert on the union, not on the spread.
 */
public final class SourceRuns {
    private SourceRuns() {}

    public static <T> List<TestSubtask<T>> runAll(Source<T, ?, ?> source, int parallelism) throws Exception {
        return runAll(source, WatermarkStrategy.noWatermarks(), parallelism);
    }

    public static <T> List<TestSubtask<T>> runAll(Source<T, ?, ?> source, WatermarkStrategy<T> strategy, int parallelism)
            throws Exception {
        TestSourceCoordinator<?, ?> coordinator = new TestSourceCoordinator<>(source, parallelism);
        List<TestSubtask<T>> subtasks = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            TestSubtask<T> subtask = new TestSubtask<>(i, parallelism);
            SourceReaderOperator<T> operator = new SourceReaderOperator<>(source, strategy);
            coordinator.connect(subtask, operator);
            run(operator, subtask);
            subtasks.add(subtask);
        }
        return subtasks;
    }

    /** Runs one subtask to the end; without a coordinator connected yet, it gets one of its own. */
    public static <T> void run(SourceReaderOperator<T> operator, TestSubtask<T> subtask) throws Exception {
        if (!subtask.hasOperatorEventGateway()) {
            new TestSourceCoordinator<>(operator.getSource(), subtask.parallelism).connect(subtask, operator);
        }
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

package dev.eddy.it.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.RichMapFunction;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.api.java.tuple.Tuple4;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One job that uses every partitioner; each branch tags records with the producer and consumer
 * subtask, and the test checks each partitioner's distribution rule.
 */
class AllPartitionersTest {
    static final long N = 1000;

    @Test
    void everyPartitionerDistributesAsSpecified() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<Tuple2<Integer, Long>> src = env.fromSequence(0, N - 1).map(new TagProducer());

        DataStream<Tuple4<String, Integer, Integer, Long>> all = src.forward().map(new TagConsumer("forward")).setParallelism(2)
                .union(
                        src.rebalance().map(new TagConsumer("rebalance")).setParallelism(3),
                        src.rescale().map(new TagConsumer("rescale")).setParallelism(4),
                        src.shuffle().map(new TagConsumer("shuffle")).setParallelism(3),
                        src.broadcast().map(new TagConsumer("broadcast")).setParallelism(3),
                        src.global().map(new TagConsumer("global")).setParallelism(3),
                        src.keyBy(t -> t.f1 % 10).map(new TagConsumer("hash")).setParallelism(3),
                        src.partitionCustom((Long key, int n) -> (int) (key % n), t -> t.f1).map(new TagConsumer("custom")).setParallelism(3));

        List<Tuple4<String, Integer, Integer, Long>> out = all.executeAndCollect("all-partitioners", Integer.MAX_VALUE);
        Map<String, List<Tuple4<String, Integer, Integer, Long>>> byKind = out.stream().collect(Collectors.groupingBy(t -> t.f0));

        for (String kind : List.of("forward", "rebalance", "rescale", "shuffle", "global", "hash", "custom")) {
            assertThat(byKind.get(kind)).as(kind + ": every record exactly once").hasSize((int) N);
            assertThat(byKind.get(kind).stream().map(t -> t.f3).collect(Collectors.toSet())).hasSize((int) N);
        }
        assertThat(byKind.get("broadcast")).as("broadcast: every record to each of 3 consumers").hasSize((int) (3 * N));
        assertThat(byKind.get("broadcast").stream().map(t -> t.f2 + ":" + t.f3).collect(Collectors.toSet())).hasSize((int) (3 * N));

        assertThat(byKind.get("forward")).allMatch(t -> t.f1.equals(t.f2));
        Map<Integer, Long> rebalanced = byKind.get("rebalance").stream().collect(Collectors.groupingBy(t -> t.f2, Collectors.counting()));
        assertThat(rebalanced).hasSize(3);
        assertThat(rebalanced.values()).allMatch(c -> Math.abs(c - N / 3.0) <= 2);
        assertThat(byKind.get("rescale")).as("producer 0 feeds consumers 0,1; producer 1 feeds 2,3")
                .allMatch(t -> t.f2 / 2 == t.f1);
        assertThat(byKind.get("shuffle").stream().map(t -> t.f2).collect(Collectors.toSet())).hasSize(3);
        assertThat(byKind.get("global")).allMatch(t -> t.f2 == 0);
        Map<Long, Set<Integer>> keyToSubtasks = new HashMap<>();
        byKind.get("hash").forEach(t -> keyToSubtasks.computeIfAbsent(t.f3 % 10, k -> new HashSet<>()).add(t.f2));
        keyToSubtasks.forEach((key, subtasks) -> assertThat(subtasks)
                .containsExactly(KeyGroupRangeAssignment.assignKeyToParallelOperator(key, 128, 3)));
        assertThat(byKind.get("custom")).allMatch(t -> t.f2 == (int) (t.f3 % 3));
    }

    /** (producer subtask, value). */
    public static final class TagProducer extends RichMapFunction<Long, Tuple2<Integer, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Integer, Long> map(Long value) {
            return Tuple2.of(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), value);
        }
    }

    /** (partitioner, producer subtask, consumer subtask, value). */
    public static final class TagConsumer extends RichMapFunction<Tuple2<Integer, Long>, Tuple4<String, Integer, Integer, Long>> {
        private static final long serialVersionUID = 1L;
        private final String kind;

        TagConsumer(String kind) {
            this.kind = kind;
        }

        @Override
        public Tuple4<String, Integer, Integer, Long> map(Tuple2<Integer, Long> value) {
            return Tuple4.of(kind, value.f0, getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), value.f1);
        }
    }
}

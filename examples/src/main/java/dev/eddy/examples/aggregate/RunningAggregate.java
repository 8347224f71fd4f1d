package dev.eddy.examples.aggregate;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.api.java.tuple.Tuple4;
import dev.eddy.examples.util.Args;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.source.legacy.RichParallelSourceFunction;
import dev.eddy.util.Collector;
import java.util.SplittableRandom;

/**
 * An unbounded keyed running aggregate: generated sensor readings {@code (sensor, value)} are keyed
 * by sensor and each reading emits the sensor's running {@code (sensor, count, sum, max)}.
 *
 * <p>Usage: {@code RunningAggregate [--rate <events/s per source subtask, 0 = unthrottled>]
 * [--sensors <n>] [--limit <events per source subtask, 0 = unbounded>]}. Runs until cancelled
 * unless a limit is given.
 */
public final class RunningAggregate {
    private RunningAggregate() {}

    public static void main(String[] argv) throws Exception {
        Args args = Args.of(argv);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.addSource(new SensorSource(args.getLong("rate", 1000), (int) args.getLong("sensors", 100), args.getLong("limit", 0)))
                .name("sensor-source")
                .keyBy(reading -> reading.f0)
                .process(new RunningStats())
                .name("running-stats")
                .print()
                .name("print-sink");
        env.execute("RunningAggregate");
    }

    /** Emits {@code (sensor-<k>, value)} readings, deterministic per subtask, optionally throttled. */
    public static final class SensorSource extends RichParallelSourceFunction<Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;
        private final long ratePerSecond;
        private final int sensors;
        private final long limit;
        private volatile boolean running = true;

        public SensorSource(long ratePerSecond, int sensors, long limit) {
            this.ratePerSecond = ratePerSecond;
            this.sensors = sensors;
            this.limit = limit;
        }

        @Override
        public void run(SourceContext<Tuple2<String, Long>> ctx) throws Exception {
            int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            SplittableRandom random = new SplittableRandom(subtask);
            long start = System.nanoTime();
            for (long n = 0; running && (limit == 0 || n < limit); n++) {
                if (ratePerSecond > 0) {
                    long due = start + n * 1_000_000_000L / ratePerSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                    }
                }
                ctx.collect(Tuple2.of("sensor-" + random.nextInt(sensors), (long) random.nextInt(1000)));
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Keeps count, sum and max per sensor in keyed state. */
    public static final class RunningStats
            extends KeyedProcessFunction<String, Tuple2<String, Long>, Tuple4<String, Long, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Tuple4<String, Long, Long, Long>> stats;

        @Override
        public void open(OpenContext openContext) {
            stats = getRuntimeContext().getState(new ValueStateDescriptor<>("stats",
                    dev.eddy.api.common.typeinfo.Types.TUPLE(
                            dev.eddy.api.common.typeinfo.Types.STRING, dev.eddy.api.common.typeinfo.Types.LONG,
                            dev.eddy.api.common.typeinfo.Types.LONG, dev.eddy.api.common.typeinfo.Types.LONG)));
        }

        @Override
        public void processElement(Tuple2<String, Long> reading, Context ctx, Collector<Tuple4<String, Long, Long, Long>> out)
                throws Exception {
            Tuple4<String, Long, Long, Long> current = stats.value();
            if (current == null) {
                current = Tuple4.of(reading.f0, 0L, 0L, Long.MIN_VALUE);
            }
            current = Tuple4.of(reading.f0, current.f1 + 1, current.f2 + reading.f1, Math.max(current.f3, reading.f1));
            stats.update(current);
            out.collect(current);
        }
    }
}

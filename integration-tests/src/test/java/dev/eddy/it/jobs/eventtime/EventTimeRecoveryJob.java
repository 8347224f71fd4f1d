package dev.eddy.it.jobs.eventtime;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.functions.RichMapFunction;
import dev.eddy.api.common.serialization.SimpleStringEncoder;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.connector.file.sink.FileSink;
import dev.eddy.core.fs.Path;
import dev.eddy.streaming.api.datastream.AsyncDataStream;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.async.AsyncFunction;
import dev.eddy.streaming.api.functions.async.ResultFuture;
import dev.eddy.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.eddy.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.util.Collector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Event time under failure: numbers {@code 0..records-1} become events (key i % keys, event time
 * i * 10 ms minus up to 900 ms of disorder, never more than the 1 s watermark bound, so nothing is
 * late and the output does not depend on when watermarks happen to be emitted) → tumbling 1 s
 * event-time windows per key (count and sum, aggregate + ProcessWindowFunction) → an async "lookup"
 * that completes on another thread after 0-2 ms (ordered, capacity 20) → a KeyedProcessFunction
 * that holds each window result until an event-time timer 2 s later → the transactional FileSink.
 * Checkpoints every {@code intervalMs}; each source subtask sleeps 1 ms every {@code throttleEvery}
 * records. Args: records keys output intervalMs throttleEvery.
 */
public final class EventTimeRecoveryJob {
    private EventTimeRecoveryJob() {}

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(args[0]);
        int keys = Integer.parseInt(args[1]);
        String output = args[2];
        long interval = Long.parseLong(args[3]);
        int throttleEvery = Integer.parseInt(args[4]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(interval);
        env.getConfiguration().setString("restart-strategy.type", "fixed-delay");
        env.getConfiguration().setString("restart-strategy.fixed-delay.attempts", "10");
        env.getConfiguration().setString("restart-strategy.fixed-delay.delay", "500 ms");

        DataStream<Tuple3<Long, Long, Long>> events = env.fromSequence(0, records - 1).uid("numbers")
                .map(new ToEvent(keys, throttleEvery)).uid("events")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<Long, Long, Long>>forBoundedOutOfOrderness(Duration.ofSeconds(1))
                        .withTimestampAssigner((e, previous) -> e.f1)).uid("timestamps");
        DataStream<String> windows = events.keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .aggregate(new CountAndSum(), new Describe()).uid("windows");
        DataStream<String> enriched = AsyncDataStream.orderedWait(windows, new Lookup(), 30, TimeUnit.SECONDS, 20).uid("lookup");
        enriched.keyBy(line -> line.substring(0, line.indexOf(' ')))
                .process(new HoldUntilTimer()).uid("timers")
                .sinkTo(FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>()).build()).uid("files");
        env.execute("event-time-recovery");
    }

    /** (key, event time, value); sleeps 1 ms every {@code throttleEvery} records. */
    public static final class ToEvent extends RichMapFunction<Long, Tuple3<Long, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private final int keys;
        private final int throttleEvery;
        private transient long n;

        ToEvent(int keys, int throttleEvery) {
            this.keys = keys;
            this.throttleEvery = throttleEvery;
        }

        @Override
        public Tuple3<Long, Long, Long> map(Long i) throws Exception {
            if (++n % throttleEvery == 0) {
                Thread.sleep(1);
            }
            long disorder = (i * 7919) % 900;
            return Tuple3.of(i % keys, Math.max(0, i * 10 - disorder), i);
        }
    }

    /** (count, sum). */
    public static final class CountAndSum implements AggregateFunction<Tuple3<Long, Long, Long>, Tuple2<Long, Long>, Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Tuple3<Long, Long, Long> e, Tuple2<Long, Long> acc) {
            return Tuple2.of(acc.f0 + 1, acc.f1 + e.f2);
        }

        @Override
        public Tuple2<Long, Long> getResult(Tuple2<Long, Long> acc) {
            return acc;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
        }
    }

    /** "key windowStart count sum". */
    public static final class Describe extends ProcessWindowFunction<Tuple2<Long, Long>, String, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long key, Context ctx, Iterable<Tuple2<Long, Long>> results, Collector<String> out) {
            for (Tuple2<Long, Long> r : results) {
                out.collect(key + " " + ctx.window().getStart() + " " + r.f0 + " " + r.f1);
            }
        }
    }

    /** Appends a checksum, completing on another thread after 0-2 ms. */
    public static final class Lookup implements AsyncFunction<String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void asyncInvoke(String line, ResultFuture<String> result) {
            CompletableFuture.runAsync(() -> result.complete(List.of(line + " h" + Integer.toHexString(line.hashCode()))),
                    CompletableFuture.delayedExecutor(Math.abs(line.hashCode()) % 3, TimeUnit.MILLISECONDS));
        }
    }

    /** Emits each line from an event-time timer 2 s after the element's timestamp (window end - 1). */
    public static final class HoldUntilTimer extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<String> held;

        @Override
        public void open(dev.eddy.api.common.functions.OpenContext ctx) {
            held = getRuntimeContext().getState(new ValueStateDescriptor<>("held", String.class));
        }

        @Override
        public void processElement(String line, Context ctx, Collector<String> out) throws Exception {
            String previous = held.value();
            held.update(previous == null ? line : previous + "\n" + line);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 2_000);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            String lines = held.value();
            if (lines != null) {
                for (String line : lines.split("\n")) {
                    out.collect(line);
                }
                held.clear();
            }
        }
    }
}

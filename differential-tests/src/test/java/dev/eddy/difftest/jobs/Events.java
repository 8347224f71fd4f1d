package dev.eddy.difftest.jobs;

import dev.eddy.api.common.eventtime.Watermark;
import dev.eddy.api.common.eventtime.WatermarkGenerator;
import dev.eddy.api.common.eventtime.WatermarkOutput;
import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.datastream.SingleOutputStreamOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The shared input of the differential jobs: (key, event time, value) with out-of-order timestamps
 * and some late events, deterministic for a seed. Watermarks are punctuated (emitted on every
 * event: highest timestamp seen minus the bound), so both engines see the same watermarks at the
 * same positions in the stream whatever their periodic timers do; the source runs at parallelism 1.
 *
 * <p>This file is compiled twice: as is for Eddy, and with {@code dev.eddy.} rewritten to
 * {@code org.apache.flink.} for Apache Flink. It may use only API both share.
 */
public final class Events {
    private Events() {}

    /** How far behind the highest timestamp seen the watermark trails (ms). */
    public static final long BOUND = 2_000;

    /** {@code n} events over {@code keys} keys; about 1 in 20 arrives far behind (late). */
    public static List<Tuple3<String, Long, Integer>> generate(long seed, int n, int keys) {
        Random random = new Random(seed);
        List<Tuple3<String, Long, Integer>> events = new ArrayList<>(n);
        long time = 1_000;
        for (int i = 0; i < n; i++) {
            time += random.nextInt(400);
            long ts = time - random.nextInt(1_500);
            if (random.nextInt(20) == 0) {
                ts = time - 3_000 - random.nextInt(6_000);
            }
            events.add(Tuple3.of("k" + random.nextInt(keys), Math.max(0, ts), random.nextInt(100)));
        }
        return events;
    }

    /** Like {@link #generate} but without late events: out of order only within {@link #BOUND}. */
    public static List<Tuple3<String, Long, Integer>> generateInOrder(long seed, int n, int keys) {
        Random random = new Random(seed);
        List<Tuple3<String, Long, Integer>> events = new ArrayList<>(n);
        long time = 2_000;
        for (int i = 0; i < n; i++) {
            time += random.nextInt(300);
            events.add(Tuple3.of("k" + random.nextInt(keys), time - random.nextInt(1_500), random.nextInt(100)));
        }
        return events;
    }

    /**
     * Timestamps and punctuated watermarks assigned at parallelism 1, chained to the (parallelism 1)
     * source: a parallel assigner behind a rebalance would see a random half of the events each,
     * and the watermarks downstream would depend on that split.
     */
    public static SingleOutputStreamOperator<Tuple3<String, Long, Integer>> timestamped(
            DataStream<Tuple3<String, Long, Integer>> source) {
        return source.assignTimestampsAndWatermarks(punctuated()).setParallelism(1);
    }

    /** Timestamps from field 1; a watermark after every event. */
    public static WatermarkStrategy<Tuple3<String, Long, Integer>> punctuated() {
        return WatermarkStrategy.<Tuple3<String, Long, Integer>>forGenerator(ctx -> new Punctuated())
                .withTimestampAssigner((event, previous) -> event.f1);
    }

    /** Emits highest-timestamp-minus-{@link #BOUND} after each event when it advanced. */
    public static final class Punctuated implements WatermarkGenerator<Tuple3<String, Long, Integer>> {
        private long maxTimestamp = Long.MIN_VALUE + BOUND;
        private long lastEmitted = Long.MIN_VALUE;

        @Override
        public void onEvent(Tuple3<String, Long, Integer> event, long eventTimestamp, WatermarkOutput output) {
            maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
            long watermark = maxTimestamp - BOUND;
            if (watermark > lastEmitted) {
                lastEmitted = watermark;
                output.emitWatermark(new Watermark(watermark));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}

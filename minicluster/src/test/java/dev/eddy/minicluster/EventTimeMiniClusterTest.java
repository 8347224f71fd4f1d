package dev.eddy.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.dag.Pipeline;
import dev.eddy.configuration.Configuration;
import dev.eddy.proto.InputWatermarkProto;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobWatermarksProto;
import dev.eddy.proto.SubtaskWatermarksProto;
import dev.eddy.proto.VertexWatermarksProto;
import dev.eddy.runtime.gateway.DispatcherGateway;
import dev.eddy.runtime.graph.JobGraphGenerator;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.sink.legacy.SinkFunction;
import dev.eddy.streaming.api.functions.source.legacy.RichParallelSourceFunction;
import dev.eddy.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Event time end to end on a mini-cluster: periodic bounded-out-of-orderness watermarks, keyed
 * event-time timers, the end-of-input watermark, idleness of a parallel branch, and the JobMaster's
 * watermark report.
 */
class EventTimeMiniClusterTest {
    static final List<String> OUT = new ArrayList<>();
    static volatile CountDownLatch release = new CountDownLatch(1);

    /** Records "key@timestamp"; the timestamp is parsed by the assigner. */
    private static long ts(String record) {
        return Long.parseLong(record.substring(record.indexOf('@') + 1));
    }

    private static String key(String record) {
        return record.substring(0, record.indexOf('@'));
    }

    @Test
    void outOfOrderEventsFireEventTimeTimersAndTheEndOfInputFiresTheRest() throws Exception {
        synchronized (OUT) {
            OUT.clear();
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        env.setBufferTimeout(0);
        env.getConfig().setAutoWatermarkInterval(10);
        env.addSource(new PhasedSource(), "phased", Types.STRING)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(5))
                        .withTimestampAssigner((r, t) -> ts(r)))
                .disableChaining()
                .keyBy(EventTimeMiniClusterTest::key, Types.STRING)
                .process(new TimerPerElement(), Types.STRING)
                .addSink(new Remember());

        runToEnd(env, 1, null);

        // Phase 1 (b@3, a@7, a@10) is followed by a pause: watermark 10-5-1 = 4 fires b@3's timer and
        // makes b@2 late. Phase 2's watermark (12-6 = 6) fires nothing; the end of input fires the rest.
        synchronized (OUT) {
            assertThat(OUT).containsExactly("elem b@3", "elem a@7", "elem a@10", "timer b@3", "late b@2 (watermark 4)",
                    "elem a@12", "elem b@11", "timer a@7", "timer a@10", "timer b@11", "timer a@12");
        }
    }

    @Test
    void anIdleParallelBranchDoesNotHoldBackTimersAndTheReportShowsIt() throws Exception {
        synchronized (OUT) {
            OUT.clear();
        }
        release = new CountDownLatch(1);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        env.setBufferTimeout(0);
        env.getConfig().setAutoWatermarkInterval(20);
        env.addSource(new OneSidedSource(), "one-sided", Types.STRING)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<String>forMonotonousTimestamps()
                        .withTimestampAssigner((r, t) -> ts(r)).withIdleness(Duration.ofMillis(200)))
                .disableChaining()
                .keyBy(EventTimeMiniClusterTest::key, Types.STRING)
                .process(new TimerPerElement(), Types.STRING).setParallelism(1)
                .addSink(new Remember()).setParallelism(1);

        List<JobWatermarksProto> reports = new ArrayList<>();
        runToEnd(env, 2, (dispatcher, jobId) -> {
            // Subtask 2 of the source never emits: without idleness timer a@90 could not fire before the end.
            awaitOutput("timer a@90", Duration.ofSeconds(30));
            synchronized (OUT) {
                assertThat(OUT).doesNotContain("timer a@100");
            }
            reports.add(dispatcher.getJobWatermarks(jobId).get(10, TimeUnit.SECONDS));
            release.countDown();
        });

        synchronized (OUT) {
            assertThat(OUT).endsWith("timer a@100");
            assertThat(OUT).filteredOn(s -> s.startsWith("elem")).hasSize(10);
        }
        JobWatermarksProto report = reports.get(0);
        VertexWatermarksProto assigner = report.getVerticesList().stream()
                .filter(v -> v.getName().startsWith("Timestamps/Watermarks")).findFirst().orElseThrow();
        assertThat(assigner.getSubtasks(0).getInputsList()).anySatisfy(i -> {
            assertThat(i.getInput()).isEqualTo("generated watermark");
            assertThat(i.getWatermark()).isEqualTo(99);
        });
        assertThat(assigner.getSubtasks(1).getInputsList()).anySatisfy(i -> {
            assertThat(i.getInput()).isEqualTo("generated watermark");
            assertThat(i.getIdle()).isTrue();
        });
        VertexWatermarksProto keyed = report.getVerticesList().stream().filter(v -> v.getName().contains("KeyedProcess")
                || v.getName().contains("Process")).findFirst().orElseThrow();
        SubtaskWatermarksProto keyedSubtask = keyed.getSubtasks(0);
        assertThat(keyedSubtask.getReported()).isTrue();
        InputWatermarkProto input = keyedSubtask.getInputs(0);
        // The branch without records went idle; the other one may have gone idle too since its last record.
        assertThat(input.getWatermark()).isEqualTo(99);
        assertThat(input.getChannelsList()).hasSize(2);
        assertThat(input.getChannelsList()).anySatisfy(c -> {
            assertThat(c.getChannel()).startsWith("Timestamps/Watermarks").endsWith("(1/2)");
            assertThat(c.getWatermark()).isEqualTo(99);
        });
        assertThat(input.getChannelsList()).anySatisfy(c -> {
            assertThat(c.getChannel()).startsWith("Timestamps/Watermarks").endsWith("(2/2)");
            assertThat(c.getIdle()).isTrue();
            assertThat(c.getWatermark()).isEqualTo(Long.MIN_VALUE);
        });
    }

    private interface WhileRunning {
        void accept(DispatcherGateway dispatcher, String jobId) throws Exception;
    }

    /** Submits to a fresh mini-cluster, runs {@code whileRunning} (if any), waits for FINISHED. */
    private static void runToEnd(StreamExecutionEnvironment env, int slots, WhileRunning whileRunning) throws Exception {
        Pipeline pipeline = env.createPipeline("event time");
        JobGraphProto jobGraph = JobGraphGenerator.createJobGraph(pipeline, null);
        try (MiniCluster cluster = MiniCluster.start(new Configuration(), 1, slots * 3)) {
            cluster.waitUntilTaskManagersRegistered(Duration.ofSeconds(20));
            DispatcherGateway dispatcher = cluster.getDispatcherGateway();
            String jobId = dispatcher.submitJob(jobGraph).get(30, TimeUnit.SECONDS);
            try {
                if (whileRunning != null) {
                    whileRunning.accept(dispatcher, jobId);
                }
            } finally {
                release.countDown();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String state;
            do {
                Thread.sleep(20);
                state = dispatcher.getJobStatus(jobId).get(10, TimeUnit.SECONDS).getState();
            } while (!state.equals("FINISHED") && !state.equals("FAILED") && System.nanoTime() < deadline);
            assertThat(state).as(() -> {
                try {
                    return dispatcher.getJobStatus(jobId).get().getFailure();
                } catch (Exception e) {
                    return e.toString();
                }
            }).isEqualTo("FINISHED");
        }
    }

    private static void awaitOutput(String line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (OUT) {
                if (OUT.contains(line)) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        synchronized (OUT) {
            throw new AssertionError("'" + line + "' did not appear within " + timeout + "; output so far: " + OUT);
        }
    }

    /** Outputs every element (or "late" if at or below the watermark) and a timer at its timestamp. */
    static final class TimerPerElement extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            long watermark = ctx.timerService().currentWatermark();
            if (ctx.timestamp() <= watermark) {
                out.collect("late " + value + " (watermark " + watermark + ")");
                return;
            }
            out.collect("elem " + value);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect("timer " + ctx.getCurrentKey() + "@" + timestamp);
        }
    }

    /** Two phases of out-of-order records with a pause in between (parallelism 1). */
    static final class PhasedSource extends RichParallelSourceFunction<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void run(SourceContext<String> ctx) throws Exception {
            for (String r : new String[] {"b@3", "a@7", "a@10"}) {
                ctx.collect(r);
            }
            Thread.sleep(700); // several periodic watermarks pass meanwhile
            for (String r : new String[] {"b@2", "a@12", "b@11"}) {
                ctx.collect(r);
            }
        }

        @Override
        public void cancel() {}
    }

    /** Subtask 0 emits a@10..a@100 and waits; subtask 1 emits nothing and waits; both end on release. */
    static final class OneSidedSource extends RichParallelSourceFunction<String> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<String> ctx) throws Exception {
            if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                for (int t = 10; t <= 100; t += 10) {
                    ctx.collect("a@" + t);
                }
            }
            while (running && !release.await(10, TimeUnit.MILLISECONDS)) {
                // wait for the test
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    static final class Remember implements SinkFunction<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(String value) {
            synchronized (OUT) {
                OUT.add(value);
            }
        }
    }
}

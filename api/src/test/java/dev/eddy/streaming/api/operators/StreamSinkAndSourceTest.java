package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.JobID;
import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.streaming.api.functions.sink.legacy.SinkFunction;
import dev.eddy.streaming.api.functions.source.legacy.FromElementsFunction;
import dev.eddy.streaming.api.functions.source.legacy.SourceFunction;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.util.OneInputStreamOperatorTestHarness;
import dev.eddy.streaming.util.TestTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamSinkAndSourceTest {
    static final ConcurrentHashMap<String, List<String>> SINK_CALLS = new ConcurrentHashMap<>();

    @Test
    void sinkSeesValueTimestampAndWatermarkAndIsFinished() throws Exception {
        String id = JobID.generate().toHexString();
        SINK_CALLS.put(id, new ArrayList<>());
        SinkFunction<String> sink = recordingSink(id);
        OneInputStreamOperatorTestHarness<String, Object> h = new OneInputStreamOperatorTestHarness<>(new StreamSink<>(sink));
        h.open();
        h.processElement("a", 3L);
        h.processWatermark(5L);
        h.processElement(new StreamRecord<>("b"));
        h.endInput();
        h.close();
        assertThat(SINK_CALLS.remove(id)).containsExactly("a@3 wm=" + Long.MIN_VALUE, "b@null wm=5", "finish");
        assertThat(h.getOutput()).isEmpty();
    }

    static SinkFunction<String> recordingSink(String id) {
        return new SinkFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void invoke(String value, Context context) {
                SINK_CALLS.get(id).add(value + "@" + context.timestamp() + " wm=" + context.currentWatermark());
            }

            @Override
            public void finish() {
                SINK_CALLS.get(id).add("finish");
            }
        };
    }

    /** A small source runner: the operator writes into a list; control counts yields. */
    static final class Run {
        final List<Object> out = new ArrayList<>();
        final AtomicInteger yields = new AtomicInteger();

        <T> void run(StreamSource<T, ?> op, boolean cancelled) throws Exception {
            op.setup(new StreamOperatorParameters<T>() {
                @Override
                public Output<StreamRecord<T>> getOutput() {
                    return new Output<>() {
                        @Override
                        public void emitWatermark(Watermark mark) {
                            out.add(mark);
                        }

                        @Override
                        public void collect(StreamRecord<T> record) {
                            out.add(record.copy(record.getValue()));
                        }

                        @Override
                        public void close() {}
                    };
                }

                @Override
                public RuntimeContext getRuntimeContext() {
                    return null;
                }

                @Override
                public ProcessingTimeService getProcessingTimeService() {
                    return null;
                }

                @Override
                public MailboxExecutor getMailboxExecutor() {
                    return null;
                }

                @Override
                public KeyedStateBackend<Object> getKeyedStateBackend() {
                    return null;
                }

                @Override
                public KeySelector<?, ?> getStateKeySelector(int input) {
                    return null;
                }
            });
            op.open();
            op.run(new SourceOperator.SourceContextControl() {
                @Override
                public void checkpointOrYield() {
                    yields.incrementAndGet();
                }

                @Override
                public boolean isCancelled() {
                    return cancelled;
                }
            });
            op.close();
        }
    }

    @Test
    void boundedSourceEmitsItsElementsThenTheMaxWatermark() throws Exception {
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            data.add(i);
        }
        StreamSource<Integer, FromElementsFunction<Integer>> op =
                new StreamSource<>(new FromElementsFunction<>(TestTypes.INT.createSerializer(null), data));
        Run run = new Run();
        run.run(TestTypes.javaCopy(op), false);
        assertThat(run.out).hasSize(41);
        assertThat(run.out.get(0)).isEqualTo(new StreamRecord<>(0));
        assertThat(run.out.get(39)).isEqualTo(new StreamRecord<>(39));
        assertThat(run.out.get(40)).isEqualTo(Watermark.MAX_WATERMARK);
        assertThat(run.yields.get()).as("the task thread ran mail while the source thread emitted").isPositive();
    }

    @Test
    void timestampsAndWatermarksFromTheFunctionPassThroughButNoMaxWatermarkWhenCancelled() throws Exception {
        SourceFunction<String> fn = new SourceFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void run(SourceContext<String> ctx) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collectWithTimestamp("a", 5L);
                    ctx.emitWatermark(new Watermark(5L));
                    ctx.collect("b");
                }
            }

            @Override
            public void cancel() {}
        };
        Run run = new Run();
        run.run(new StreamSource<>(fn), true);
        assertThat(run.out).containsExactly(new StreamRecord<>("a", 5L), new Watermark(5L), new StreamRecord<>("b"));
    }

    @Test
    void cancelFromAnotherThreadStopsAnEndlessSourceWithoutMaxWatermark() throws Exception {
        StreamSource<Integer, Endless> op = new StreamSource<>(new Endless());
        Run run = new Run();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                run.run(op, false);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        runner.start();
        org.awaitility.Awaitility.await().until(() -> run.yields.get() > 0);
        op.cancel();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(op.isCanceled()).isTrue();
        assertThat(run.out).isNotEmpty().doesNotContain(Watermark.MAX_WATERMARK);
    }

    /** Emits until cancelled; slowly, so the yield-after-1-ms rule is exercised. */
    static final class Endless implements SourceFunction<Integer> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Integer> ctx) throws InterruptedException {
            int i = 0;
            while (running) {
                ctx.collect(i++);
                Thread.sleep(2);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}

package dev.eddy.runtime.taskmanager.testutil;

import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.operators.SourceOperator;
import dev.eddy.streaming.api.operators.StreamOperator;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Small operators for task tests. Operators are deserialized by the task, so results go to static
 * registries keyed by a per-test id.
 */
public final class TestOperators {
    private static final Map<String, List<Object>> RESULTS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> EVENTS = new ConcurrentHashMap<>();

    private TestOperators() {}

    public static List<Object> results(String id) {
        return RESULTS.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
    }

    /** Lifecycle calls and other events, in order. */
    public static List<String> events(String id) {
        return EVENTS.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
    }

    /** Records lifecycle events as "open:name" etc. */
    public abstract static class Base<OUT> implements StreamOperator<OUT> {
        private static final long serialVersionUID = 1L;
        protected final String testId;
        protected final String name;
        protected transient Output<StreamRecord<OUT>> output;
        protected transient StreamOperatorParameters<OUT> params;

        protected Base(String testId, String name) {
            this.testId = testId;
            this.name = name;
        }

        @Override
        public void setup(StreamOperatorParameters<OUT> parameters) {
            this.params = parameters;
            this.output = parameters.getOutput();
            events(testId).add("setup:" + name);
        }

        @Override
        public void open() throws Exception {
            events(testId).add("open:" + name);
        }

        @Override
        public void finish() throws Exception {
            events(testId).add("finish:" + name);
        }

        @Override
        public void close() throws Exception {
            events(testId).add("close:" + name);
        }
    }

    /** Emits 1..count, then the final watermark. */
    public static class NumberSource extends Base<Long> implements SourceOperator<Long> {
        private static final long serialVersionUID = 1L;
        private final long count;
        private volatile boolean running = true;

        public NumberSource(String testId, long count) {
            super(testId, "source");
            this.count = count;
        }

        @Override
        public void run(SourceContextControl control) throws Exception {
            for (long i = 1; i <= count && running; i++) {
                output.collect(new StreamRecord<>(i, i));
                control.checkpointOrYield();
            }
            output.emitWatermark(Watermark.MAX_WATERMARK);
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Emits forever until cancelled. */
    public static class EndlessSource extends Base<Long> implements SourceOperator<Long> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        public EndlessSource(String testId) {
            super(testId, "endless");
        }

        @Override
        public void run(SourceContextControl control) throws Exception {
            long i = 0;
            while (running) {
                output.collect(new StreamRecord<>(i++));
                control.checkpointOrYield();
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Multiplies by a factor; fails on {@code failOn} if set. */
    public static class MultiplyOperator extends Base<Long> implements OneInputStreamOperator<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final long factor;
        private final long failOn;

        public MultiplyOperator(String testId, String name, long factor, long failOn) {
            super(testId, name);
            this.factor = factor;
            this.failOn = failOn;
        }

        @Override
        public void processElement(StreamRecord<Long> element) {
            if (element.getValue() == failOn) {
                throw new IllegalArgumentException("Cannot multiply record " + failOn);
            }
            output.collect(element.replace(element.getValue() * factor));
        }

        @Override
        public void processWatermark(Watermark mark) {
            output.emitWatermark(mark);
        }
    }

    /** Collects values (and watermarks as "wm:ts") into {@link #results}. */
    public static class CollectSink<T> extends Base<Void> implements OneInputStreamOperator<T, Void> {
        private static final long serialVersionUID = 1L;

        public CollectSink(String testId, String name) {
            super(testId, name);
        }

        @Override
        public void processElement(StreamRecord<T> element) {
            results(testId).add(element.getValue());
        }

        @Override
        public void processWatermark(Watermark mark) {
            results(testId).add("wm:" + mark.getTimestamp());
        }
    }

    /** Counts records per key in a ValueState and emits "key=count" strings. */
    public static class KeyedCounter extends Base<String> implements OneInputStreamOperator<Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        public KeyedCounter(String testId) {
            super(testId, "counter");
        }

        @Override
        public void open() throws Exception {
            super.open();
            count = params.getRuntimeContext().getState(new ValueStateDescriptor<>("count", new LongSerializer()));
            events(testId).add("backend:" + params.getKeyedStateBackend().getClass().getSimpleName());
        }

        @Override
        public void processElement(StreamRecord<Long> element) throws Exception {
            Long c = count.value();
            long next = c == null ? 1 : c + 1;
            count.update(next);
            output.collect(new StreamRecord<>(params.getKeyedStateBackend().getCurrentKey() + "=" + next));
        }

        @Override
        public void processWatermark(Watermark mark) {
            output.emitWatermark(mark);
        }
    }

    /** Sets a processing-time timer in open; the timer records its thread and emits. */
    public static class TimerOperator extends Base<Long> implements OneInputStreamOperator<Long, Long> {
        private static final long serialVersionUID = 1L;

        public TimerOperator(String testId) {
            super(testId, "timer");
        }

        @Override
        public void open() throws Exception {
            super.open();
            long now = params.getProcessingTimeService().getCurrentProcessingTime();
            params.getProcessingTimeService().registerTimer(now + 5, time -> {
                events(testId).add("timer-thread:" + Thread.currentThread().getName());
                output.collect(new StreamRecord<>(-1L));
            });
        }

        @Override
        public void processElement(StreamRecord<Long> element) {
            output.collect(element);
        }

        @Override
        public void processWatermark(Watermark mark) {
            output.emitWatermark(mark);
        }
    }

    /** Uses keyed state without being keyed (must fail). */
    public static class UnkeyedStateUser extends Base<Long> implements OneInputStreamOperator<Long, Long> {
        private static final long serialVersionUID = 1L;

        public UnkeyedStateUser(String testId) {
            super(testId, "unkeyed");
        }

        @Override
        public void open() throws Exception {
            super.open();
            params.getRuntimeContext().getState(new ValueStateDescriptor<>("x", new LongSerializer()));
        }

        @Override
        public void processElement(StreamRecord<Long> element) {}

        @Override
        public void processWatermark(Watermark mark) {}
    }
}

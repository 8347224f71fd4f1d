package dev.eddy.runtime.taskmanager.state.harness;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.functions.RichFunction;
import dev.eddy.api.common.state.AggregatingState;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.CheckpointListener;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.state.FunctionInitializationContext;
import dev.eddy.runtime.state.FunctionSnapshotContext;
import dev.eddy.streaming.api.checkpoint.CheckpointedFunction;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.TimeDomain;
import dev.eddy.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Serializable functions for the snapshot harness tests. */
final class TestFunctions {
    private TestFunctions() {}

    /** Key = value modulo 7. */
    static final class Mod7 implements KeySelector<Long, Long> {
        @Override
        public Long getKey(Long value) {
            return value % 7;
        }
    }

    /** Counts inputs in a Long accumulator; result "n=<count>". */
    static final class CountAgg implements AggregateFunction<Long, Long, String> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long acc) {
            return acc + 1;
        }

        @Override
        public String getResult(Long acc) {
            return "n=" + acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Uses every keyed state kind and emits a description of them per element. */
    static final class AllStateKinds extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Long> count;
        private transient ListState<Long> seen;
        private transient MapState<Long, Long> parity;
        private transient ReducingState<Long> sum;
        private transient AggregatingState<Long, String> agg;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
            seen = getRuntimeContext().getListState(new ListStateDescriptor<>("seen", Long.class));
            parity = getRuntimeContext().getMapState(new MapStateDescriptor<>("parity", Long.class, Long.class));
            sum = getRuntimeContext().getReducingState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
            agg = getRuntimeContext().getAggregatingState(new AggregatingStateDescriptor<>("agg", new CountAgg(), Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            Long c = count.value();
            count.update(c == null ? 1 : c + 1);
            seen.add(value);
            Long p = parity.get(value % 2);
            parity.put(value % 2, p == null ? 1 : p + 1);
            sum.add(value);
            agg.add(value);
            Map<Long, Long> sorted = new TreeMap<>();
            for (Map.Entry<Long, Long> e : parity.entries()) {
                sorted.put(e.getKey(), e.getValue());
            }
            List<Long> s = new ArrayList<>();
            seen.get().forEach(s::add);
            out.collect(ctx.getCurrentKey() + " count=" + count.value() + " seen=" + s + " parity=" + sorted + " sum=" + sum.get()
                    + " " + agg.get());
        }
    }

    /**
     * Registers an event-time timer at timestamp + 25 and a processing-time timer at now + 100 + value
     * per element; emits "key@time:domain" when a timer fires.
     */
    static final class Timers extends KeyedProcessFunction<Long, Long, String> {
        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 25);
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 100 + value);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + timestamp + ":" + (ctx.timeDomain() == TimeDomain.EVENT_TIME ? "event" : "processing"));
        }
    }

    /** A value with TTL 100 ms: emits what it read before writing the element. */
    static final class TtlValue extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Long> last;

        @Override
        public void open(OpenContext openContext) {
            ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("last", Long.class);
            d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).disableCleanupInBackground().build());
            last = getRuntimeContext().getState(d);
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + " last=" + last.value());
            last.update(value);
        }
    }

    /**
     * Buffers every element in a field; on snapshot copies the buffer into split list state "buffer"
     * and its size into union list state "sizes". Records its lifecycle calls.
     */
    static final class BufferingMap implements MapFunction<Long, Long>, RichFunction, CheckpointedFunction, CheckpointListener {
        transient List<Long> buffer;
        transient List<Long> restoredSizes;
        transient List<String> calls;
        transient FunctionInitializationContext initContext;
        private transient ListState<Long> split;
        private transient ListState<Long> sizes;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            calls = new ArrayList<>();
            calls.add("initializeState");
            initContext = context;
            split = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("buffer", Long.class));
            sizes = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("sizes", Long.class));
            buffer = new ArrayList<>();
            restoredSizes = new ArrayList<>();
            split.get().forEach(buffer::add);
            sizes.get().forEach(restoredSizes::add);
        }

        @Override
        public void open(OpenContext openContext) {
            calls.add("open");
        }

        @Override
        public void setRuntimeContext(dev.eddy.api.common.functions.RuntimeContext t) {}

        @Override
        public dev.eddy.api.common.functions.RuntimeContext getRuntimeContext() {
            return null;
        }

        @Override
        public Long map(Long value) {
            buffer.add(value);
            return value;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            calls.add("snapshotState " + context.getCheckpointId());
            split.update(buffer);
            sizes.update(List.of((long) buffer.size()));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            calls.add("complete " + checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) {
            calls.add("aborted " + checkpointId);
        }
    }
}

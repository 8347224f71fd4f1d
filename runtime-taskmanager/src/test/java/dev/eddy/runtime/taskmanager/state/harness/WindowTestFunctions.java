package dev.eddy.runtime.taskmanager.state.harness;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.eddy.streaming.api.functions.windowing.WindowFunction;
import dev.eddy.streaming.api.functions.windowing.delta.DeltaFunction;
import dev.eddy.streaming.api.windowing.assigners.WindowAssigner;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;

/**
 * Serializable functions for window operator tests. Elements are strings "k<number>": the key is
 * the first character, the number (e.g. "a12" → 12) is the value.
 */
final class WindowTestFunctions {
    private WindowTestFunctions() {}

    static final OutputTag<String> LATE = new OutputTag<>("late", Types.STRING);

    static <W extends Window> WindowOperatorBuilder<String, String, W> builder(WindowAssigner<? super String, W> assigner) {
        return new WindowOperatorBuilder<>(assigner, Types.STRING, new SerializerConfig());
    }

    static long value(String element) {
        return Long.parseLong(element.substring(1));
    }

    static String describe(Window w) {
        return w instanceof TimeWindow t ? "[" + t.getStart() + "," + t.getEnd() + ")" : "G";
    }

    static final class FirstChar implements KeySelector<String, String> {
        @Override
        public String getKey(String value) {
            return value.substring(0, 1);
        }
    }

    /** "key[start,end):e1,e2,..." for every firing. */
    static final class Describe<W extends Window> extends ProcessWindowFunction<String, String, String, W> {
        @Override
        public void process(String key, Context ctx, Iterable<String> elements, Collector<String> out) {
            out.collect(key + describe(ctx.window()) + ":" + String.join(",", elements));
        }
    }

    /** Like {@link Describe} as a plain window function. */
    static final class DescribeApply<W extends Window> implements WindowFunction<String, String, String, W> {
        @Override
        public void apply(String key, W window, Iterable<String> input, Collector<String> out) {
            out.collect(key + describe(window) + ":" + String.join(",", input));
        }
    }

    /** Emits the element count; elements with value 0 go to the side output {@link #LATE} (as "zero <element>"). */
    static final class CountWithSideOutput extends ProcessWindowFunction<String, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<String> elements, Collector<String> out) {
            int n = 0;
            for (String e : elements) {
                n++;
                if (value(e) == 0) {
                    ctx.output(LATE, "zero " + e);
                }
            }
            out.collect(key + describe(ctx.window()) + " n=" + n + " wm=" + ctx.currentWatermark());
        }
    }

    /** All-window function: "[start,end) e1,e2,..." of all keys. */
    static final class DescribeAll extends dev.eddy.streaming.api.functions.windowing.ProcessAllWindowFunction<String, String, TimeWindow> {
        @Override
        public void process(Context ctx, Iterable<String> elements, Collector<String> out) {
            out.collect(describe(ctx.window()) + " " + String.join(",", elements));
        }
    }

    /** The constant key of all-window tests. */
    static final class ZeroByte implements KeySelector<String, Byte> {
        @Override
        public Byte getKey(String value) {
            return 0;
        }
    }

    /** Joins elements with '+'. */
    static final class Concat implements ReduceFunction<String> {
        @Override
        public String reduce(String a, String b) {
            return a + "+" + b;
        }
    }

    /** Sums the values of the elements. */
    static final class SumValues implements AggregateFunction<String, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(String value, Long acc) {
            return acc + value(value);
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Emits "key[window]=sum #firing of this window, total firings of the key", with per-window and global state. */
    static final class SumWithFiringCounts extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        private final ValueStateDescriptor<Long> firings = new ValueStateDescriptor<>("firings", Types.LONG);
        private final ValueStateDescriptor<Long> total = new ValueStateDescriptor<>("total-firings", Types.LONG);

        @Override
        public void process(String key, Context ctx, Iterable<Long> sums, Collector<String> out) throws Exception {
            ValueState<Long> perWindow = ctx.windowState().getState(firings);
            ValueState<Long> global = ctx.globalState().getState(total);
            long w = perWindow.value() == null ? 1 : perWindow.value() + 1;
            long g = global.value() == null ? 1 : global.value() + 1;
            perWindow.update(w);
            global.update(g);
            out.collect(key + describe(ctx.window()) + "=" + sums.iterator().next() + " #" + w + " total " + g);
        }

        @Override
        public void clear(Context ctx) throws Exception {
            ctx.windowState().getState(firings).clear();
        }
    }

    /** |value(a) - value(b)|. */
    static final class ValueDistance implements DeltaFunction<String> {
        @Override
        public double getDelta(String oldDataPoint, String newDataPoint) {
            return Math.abs(value(oldDataPoint) - value(newDataPoint));
        }
    }
}

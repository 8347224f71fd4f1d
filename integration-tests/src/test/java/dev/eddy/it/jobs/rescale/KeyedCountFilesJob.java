package dev.eddy.it.jobs.rescale;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.serialization.SimpleStringEncoder;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.connector.file.sink.FileSink;
import dev.eddy.core.fs.Path;
import dev.eddy.api.common.functions.RichMapFunction;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.util.Collector;

/**
 * Running count per key of {@code 0..records-1} by {@code value % keys}, one line "key,count" per
 * record, through the transactional FileSink into {@code output}. Every operator has a uid so
 * savepoints map across parallelism changes. Its set of output lines is deterministic: each key k
 * gets the lines k,1 … k,n_k. Args: records keys output throttleEvery.
 */
public final class KeyedCountFilesJob {
    private KeyedCountFilesJob() {}

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(args[0]);
        long keys = Long.parseLong(args[1]);
        String output = args[2];
        int throttleEvery = Integer.parseInt(args[3]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(500);
        env.fromSequence(0, records - 1).uid("numbers")
                .map(new Throttle(throttleEvery)).uid("throttle")
                .keyBy(v -> v % keys)
                .process(new RunningCount()).uid("count")
                .sinkTo(FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>()).build()).uid("files");
        env.execute("keyed-count-files");
    }

    /** Emits "key,count" for each record. */
    public static final class RunningCount extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            long c = count.value() == null ? 1 : count.value() + 1;
            count.update(c);
            out.collect(ctx.getCurrentKey() + "," + c);
        }
    }

    /** Sleeps 1 ms every {@code every} records. */
    public static final class Throttle extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final int every;
        private transient long n;

        Throttle(int every) {
            this.every = every;
        }

        @Override
        public Long map(Long value) throws Exception {
            if (++n % every == 0) {
                Thread.sleep(1);
            }
            return value;
        }
    }
}

package dev.eddy.it.jobs.bigstate;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.sink.legacy.RichSinkFunction;
import dev.eddy.util.Collector;
import java.io.IOException;
import java.nio.file.Files;
import java.util.SplittableRandom;

/**
 * Keeps a {@code valueBytes}-byte random payload per key for {@code keys} keys in keyed state (use
 * with state.backend.type rocksdb), checkpointing every 2 s, then writes each subtask's number of
 * keys it holds to {@code <output>/keys-<subtask>}. Args: keys valueBytes output.
 */
public final class BigStateJob {
    private BigStateJob() {}

    public static void main(String[] args) throws Exception {
        long keys = Long.parseLong(args[0]);
        int valueBytes = Integer.parseInt(args[1]);
        String output = args[2];
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(2000);
        env.fromSequence(0, keys - 1)
                .keyBy(k -> k)
                .process(new StorePayload(valueBytes))
                .addSink(new CountSink(output));
        env.execute("big-state");
    }

    /** Stores a random payload for the key; emits 1 for a new key. */
    public static final class StorePayload extends KeyedProcessFunction<Long, Long, Long> {
        private static final long serialVersionUID = 1L;
        private final int valueBytes;
        private transient ValueState<byte[]> payload;
        private transient SplittableRandom random;

        StorePayload(int valueBytes) {
            this.valueBytes = valueBytes;
        }

        @Override
        public void open(OpenContext openContext) {
            payload = getRuntimeContext().getState(new ValueStateDescriptor<>("payload", byte[].class));
            random = new SplittableRandom(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            boolean fresh = payload.value() == null;
            byte[] bytes = new byte[valueBytes];
            for (int i = 0; i < bytes.length; i += 8) {
                long r = random.nextLong();
                for (int j = 0; j < 8 && i + j < bytes.length; j++) {
                    bytes[i + j] = (byte) (r >>> (8 * j));
                }
            }
            payload.update(bytes);
            if (fresh) {
                out.collect(1L);
            }
        }
    }

    /** Counts and writes the number of keys at the end. */
    public static final class CountSink extends RichSinkFunction<Long> {
        private static final long serialVersionUID = 1L;
        private final String output;
        private transient long n;

        CountSink(String output) {
            this.output = output;
        }

        @Override
        public void invoke(Long value, Context context) {
            n += value;
        }

        @Override
        public void finish() throws IOException {
            java.nio.file.Path dir = java.nio.file.Path.of(output);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("keys-" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask()), Long.toString(n));
        }
    }
}

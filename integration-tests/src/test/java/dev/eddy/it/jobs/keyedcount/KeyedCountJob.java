package dev.eddy.it.jobs.keyedcount;

import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.sink.legacy.RichSinkFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts {@code --records} numbers into {@code --keys} keys through a keyed shuffle; each sink
 * subtask writes the final count of its keys to {@code <output>/counts-<subtask>} ("key,count").
 */
public final class KeyedCountJob {
    private KeyedCountJob() {}

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(args[0]);
        long keys = Long.parseLong(args[1]);
        String output = args[2];
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, records - 1)
                .map(x -> Tuple2.of(x % keys, 1L))
                .returns(Types.TUPLE(Types.LONG, Types.LONG))
                .keyBy(t -> t.f0)
                .sum(1)
                .addSink(new FinalCountSink(output))
                .name("final-counts");
        env.execute("keyed-count");
    }

    /** Keeps the last count per key and writes them when the input ends. */
    public static final class FinalCountSink extends RichSinkFunction<Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;
        private final String output;
        private transient Map<Long, Long> counts;

        FinalCountSink(String output) {
            this.output = output;
        }

        @Override
        public void invoke(Tuple2<Long, Long> value, Context context) {
            if (counts == null) {
                counts = new HashMap<>();
            }
            counts.put(value.f0, value.f1);
        }

        @Override
        public void close() throws IOException {
            if (counts == null) {
                counts = new HashMap<>();
            }
            StringBuilder sb = new StringBuilder();
            counts.forEach((k, v) -> sb.append(k).append(',').append(v).append('\n'));
            Path dir = Path.of(output);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("counts-" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask()), sb.toString());
        }
    }
}

package dev.eddy.it.jobs.exactlyonce;

import dev.eddy.api.common.functions.RichMapFunction;
import dev.eddy.api.common.serialization.SimpleStringEncoder;
import dev.eddy.connector.file.sink.FileSink;
import dev.eddy.core.fs.Path;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Writes the numbers {@code 0..records-1} (one per line) through the transactional FileSink into
 * {@code output}, with checkpoints every {@code intervalMs}; each source subtask sleeps 1 ms every
 * {@code throttleEvery} records so the job runs long enough to be disturbed. Restarts up to 10
 * times. Args: records output intervalMs throttleEvery.
 */
public final class ExactlyOnceFileJob {
    private ExactlyOnceFileJob() {}

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(args[0]);
        String output = args[1];
        long interval = Long.parseLong(args[2]);
        int throttleEvery = Integer.parseInt(args[3]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(interval);
        env.getConfiguration().setString("restart-strategy.type", "fixed-delay");
        env.getConfiguration().setString("restart-strategy.fixed-delay.attempts", "10");
        env.getConfiguration().setString("restart-strategy.fixed-delay.delay", "500 ms");
        env.fromSequence(0, records - 1).uid("numbers")
                .map(new Throttle(throttleEvery)).uid("throttle")
                .map(String::valueOf).uid("to-string")
                .sinkTo(FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>()).build()).uid("files");
        env.execute("exactly-once-files");
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

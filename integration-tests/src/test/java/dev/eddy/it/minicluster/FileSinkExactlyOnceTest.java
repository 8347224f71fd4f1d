package dev.eddy.it.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.RichMapFunction;
import dev.eddy.api.common.serialization.SimpleStringEncoder;
import dev.eddy.api.common.state.CheckpointListener;
import dev.eddy.configuration.Configuration;
import dev.eddy.connector.file.sink.FileSink;
import dev.eddy.core.fs.Path;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transactional FileSink on a mini-cluster: a sequence goes through a map that fails twice
 * (each time after a checkpoint completed in that attempt) into a FileSink; the committed (visible)
 * part files must hold every number exactly once, and no hidden file may be left over.
 */
class FileSinkExactlyOnceTest {
    static final int RECORDS = 40_000;
    static final AtomicInteger FAILURES = new AtomicInteger();

    @TempDir
    java.nio.file.Path tmp;

    @Test
    void committedPartFilesHoldEveryRecordExactlyOnceDespiteFailures() throws Exception {
        FAILURES.set(0);
        java.nio.file.Path out = tmp.resolve("out");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(Map.of(
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "5",
                "restart-strategy.fixed-delay.delay", "50 ms")));
        env.setParallelism(2);
        env.enableCheckpointing(100);
        env.fromSequence(0, RECORDS - 1)
                .map(new FailingThrottle())
                .map(String::valueOf)
                .sinkTo(FileSink.forRowFormat(new Path(out.toString()), new SimpleStringEncoder<String>()).build());
        env.execute("file-sink-exactly-once");

        assertThat(FAILURES.get()).as("failures injected").isEqualTo(2);
        List<Long> got = new ArrayList<>();
        List<java.nio.file.Path> hidden = new ArrayList<>();
        try (Stream<java.nio.file.Path> walk = Files.walk(out)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) walk.filter(Files::isRegularFile)::iterator) {
                if (p.getFileName().toString().startsWith(".")) {
                    hidden.add(p);
                } else {
                    got.addAll(read(p));
                }
            }
        }
        got.sort(null);
        assertThat(got).hasSize(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            assertThat(got.get(i)).as("committed record at sorted position %d", i).isEqualTo(i);
        }
        assertThat(hidden).as("no leftovers after the end of input (failed attempts' files deleted)").isEmpty();
    }

    private static List<Long> read(java.nio.file.Path p) throws IOException {
        List<Long> values = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
            values.add(Long.parseLong(line));
        }
        return values;
    }

    /** Slows the source; fails once per attempt 0 and 1 after a checkpoint completed and some records. */
    public static final class FailingThrottle extends RichMapFunction<Long, Long> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private transient long n;
        private transient boolean checkpointed;

        @Override
        public Long map(Long value) throws Exception {
            if (++n % 20 == 0) {
                Thread.sleep(1);
            }
            int injected = FAILURES.get();
            if (injected < 2 && getRuntimeContext().getTaskInfo().getAttemptNumber() == injected && checkpointed
                    && n > 3000 && FAILURES.compareAndSet(injected, injected + 1)) {
                throw new IllegalStateException("injected failure " + (injected + 1));
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }
}

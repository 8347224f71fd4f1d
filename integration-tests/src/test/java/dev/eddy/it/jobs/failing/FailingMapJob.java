package dev.eddy.it.jobs.failing;

import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.sink.legacy.DiscardingSink;

/** A job whose map function throws on record 42. */
public final class FailingMapJob {
    private FailingMapJob() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, 1000).map(new PoisonCheck()).addSink(new DiscardingSink<>());
        env.execute("failing-map");
    }

    /** Throws on 42. */
    public static final class PoisonCheck implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            if (value == 42L) {
                throw new IllegalStateException("Record 42 is poison");
            }
            return value;
        }
    }
}

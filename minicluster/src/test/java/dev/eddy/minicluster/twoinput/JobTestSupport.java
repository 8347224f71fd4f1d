package dev.eddy.minicluster.twoinput;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.DeploymentOptions;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.source.legacy.SourceFunction;
import dev.eddy.streaming.api.watermark.Watermark;
import java.util.List;

/** Shared helpers of the two-input and side-output job tests. */
final class JobTestSupport {
    private JobTestSupport() {}

    static StreamExecutionEnvironment localEnv(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(DeploymentOptions.TARGET, "local");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    /**
     * Emits each element with the timestamp {@code timestampOf} gives, and after each element the
     * watermark given by {@code watermarkAfter} (if it is not null). Parallelism 1 only.
     */
    static final class TimedSource<T> implements SourceFunction<T> {
        private static final long serialVersionUID = 1L;
        private final List<T> elements;
        private final List<Long> timestamps;
        private final List<Long> watermarksAfter;

        /** @param watermarksAfter entries may be null: no watermark after that element */
        TimedSource(List<T> elements, List<Long> timestamps, List<Long> watermarksAfter) {
            this.elements = List.copyOf(elements);
            this.timestamps = List.copyOf(timestamps);
            this.watermarksAfter = new java.util.ArrayList<>(watermarksAfter);
        }

        @Override
        public void run(SourceContext<T> ctx) {
            for (int i = 0; i < elements.size(); i++) {
                ctx.collectWithTimestamp(elements.get(i), timestamps.get(i));
                Long wm = watermarksAfter.get(i);
                if (wm != null) {
                    ctx.emitWatermark(new Watermark(wm));
                }
            }
        }

        @Override
        public void cancel() {}
    }
}

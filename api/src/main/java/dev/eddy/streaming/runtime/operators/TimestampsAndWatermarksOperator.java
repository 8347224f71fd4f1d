package dev.eddy.streaming.runtime.operators;

import dev.eddy.api.common.eventtime.TimestampAssigner;
import dev.eddy.api.common.eventtime.TimestampAssignerSupplier;
import dev.eddy.api.common.eventtime.WatermarkGenerator;
import dev.eddy.api.common.eventtime.WatermarkGeneratorSupplier;
import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.PipelineOptions;
import dev.eddy.streaming.api.operators.AbstractStreamOperator;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkProgressProvider;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import dev.eddy.util.clock.RelativeClock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * The operator behind {@code DataStream.assignTimestampsAndWatermarks}: gives each record the
 * timestamp its {@link TimestampAssigner} extracts, feeds the {@link WatermarkGenerator}, and
 * emits the generator's watermarks and idleness downstream.
 *
 * <p>Watermarks and watermark status from upstream are not forwarded (this operator makes its
 * own), except the end-of-input {@link Watermark#MAX_WATERMARK}, which is. Periodic watermarks come
 * from a processing-time timer every {@code pipeline.auto-watermark-interval} (from the job
 * configuration unless set on the operator; 0 disables them); the timer fires as mail on the task
 * thread. The idleness clock of the generator context is the task's processing time.
 *
 * <p>Threading: everything runs on the task thread (element calls, timer callbacks, lifecycle).
 */
public class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T>, WatermarkProgressProvider {
    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> watermarkStrategy;
    /** Negative: take the job's {@code pipeline.auto-watermark-interval}. */
    private long autoWatermarkIntervalMillis = -1;

    private transient TimestampAssigner<T> timestampAssigner;
    private transient WatermarkGenerator<T> watermarkGenerator;
    private transient WatermarkEmitter emitter;
    private transient long intervalMillis;
    private transient ScheduledFuture<?> periodicTimer;
    private transient boolean open;
    private transient volatile List<InputWatermarkProgress> progress;

    public TimestampsAndWatermarksOperator(WatermarkStrategy<T> watermarkStrategy) {
        if (watermarkStrategy == null) {
            throw new IllegalArgumentException("watermarkStrategy must not be null");
        }
        this.watermarkStrategy = watermarkStrategy;
    }

    /** Overrides the job's auto-watermark interval for this operator (ms, 0 = no periodic watermarks). */
    public void setAutoWatermarkInterval(long intervalMillis) {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("The auto-watermark interval must be zero or positive, was " + intervalMillis);
        }
        this.autoWatermarkIntervalMillis = intervalMillis;
    }

    public WatermarkStrategy<T> getWatermarkStrategy() {
        return watermarkStrategy;
    }

    /** The interval in effect after {@link #open()} (ms; 0 = none). */
    public long getEffectiveAutoWatermarkInterval() {
        return intervalMillis;
    }

    @Override
    public void open() throws Exception {
        super.open();
        ProcessingTimeService time = getProcessingTimeService();
        Contexts contexts = new Contexts(time);
        timestampAssigner = watermarkStrategy.createTimestampAssigner(contexts);
        watermarkGenerator = watermarkStrategy.createWatermarkGenerator(contexts);
        emitter = new WatermarkEmitter(output, this::publish);
        intervalMillis = resolveInterval(autoWatermarkIntervalMillis, parameters.getJobConfiguration());
        open = true;
        if (intervalMillis > 0) {
            schedulePeriodicEmit(time, time.getCurrentProcessingTime() + intervalMillis);
        }
    }

    /** The operator's own interval if set, else the job's (default 200 ms). */
    static long resolveInterval(long ownMillis, Configuration jobConfiguration) {
        if (ownMillis >= 0) {
            return ownMillis;
        }
        return jobConfiguration.get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    }

    private void schedulePeriodicEmit(ProcessingTimeService time, long at) {
        periodicTimer = time.registerTimer(at, firedAt -> {
            if (!open) {
                return;
            }
            watermarkGenerator.onPeriodicEmit(emitter);
            schedulePeriodicEmit(time, Math.max(firedAt, time.getCurrentProcessingTime()) + intervalMillis);
        });
    }

    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        T value = element.getValue();
        long previous = element.hasTimestamp() ? element.getTimestamp() : TimestampAssigner.NO_TIMESTAMP;
        long timestamp = timestampAssigner.extractTimestamp(value, previous);
        if (timestamp == TimestampAssigner.NO_TIMESTAMP) {
            element.eraseTimestamp();
        } else {
            element.setTimestamp(timestamp);
        }
        output.collect(element);
        watermarkGenerator.onEvent(value, timestamp, emitter);
    }

    /** Upstream watermarks are dropped, except the end of input, which ends event time here too. */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() == Long.MAX_VALUE) {
            emitter.emitWatermark(dev.eddy.api.common.eventtime.Watermark.MAX_WATERMARK);
        }
    }

    /** Upstream idleness is not forwarded: this operator's generator decides (see withIdleness). */
    @Override
    public void processWatermarkStatus(WatermarkStatus status) {}

    @Override
    public void finish() throws Exception {
        open = false;
        cancelTimer();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        open = false;
        cancelTimer();
        super.close();
    }

    /** The watermark this operator generates, as last published (task thread publishes on changes). Any thread. */
    @Override
    public List<InputWatermarkProgress> getWatermarkProgress() {
        List<InputWatermarkProgress> p = progress;
        return p == null ? List.of() : p;
    }

    private void publish() {
        progress = List.of(new InputWatermarkProgress("generated watermark",
                emitter.getCurrentWatermark(), emitter.isIdle(), List.of()));
    }

    private void cancelTimer() {
        if (periodicTimer != null) {
            periodicTimer.cancel(false);
            periodicTimer = null;
        }
    }

    /** Creation context: the input activity clock is the task's processing time. */
    private static final class Contexts implements TimestampAssignerSupplier.Context, WatermarkGeneratorSupplier.Context {
        private final ProcessingTimeService time;

        Contexts(ProcessingTimeService time) {
            this.time = time;
        }

        @Override
        public RelativeClock getInputActivityClock() {
            return time::getCurrentProcessingTime;
        }
    }
}

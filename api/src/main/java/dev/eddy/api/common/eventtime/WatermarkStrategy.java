package dev.eddy.api.common.eventtime;

import java.time.Duration;

/**
 * How a stream gets event timestamps and watermarks: a {@link WatermarkGenerator} factory plus a
 * {@link TimestampAssigner} factory. The strategy object travels inside the job graph; each
 * parallel instance creates its own generator and assigner on its task thread.
 *
 * <p>{@link #withIdleness} marks an input idle after a quiet period so it stops holding back the
 * watermark downstream. Watermark alignment is accepted but not enforced (a warning is logged).
 */
@FunctionalInterface
public interface WatermarkStrategy<T> extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

    @Override
    WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

    /** By default records keep the timestamp they already carry. */
    @Override
    default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return new RecordTimestampAssigner<>();
    }

    /** This strategy with the given timestamp assigner factory. */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> timestampAssigner) {
        if (timestampAssigner == null) {
            throw new IllegalArgumentException("timestampAssigner must not be null");
        }
        return new WithTimestampAssigner<>(this, timestampAssigner);
    }

    /** This strategy with the given (serializable, e.g. lambda) timestamp assigner. */
    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> timestampAssigner) {
        if (timestampAssigner == null) {
            throw new IllegalArgumentException("timestampAssigner must not be null");
        }
        return new WithTimestampAssigner<>(this, TimestampAssignerSupplier.of(timestampAssigner));
    }

    /**
     * This strategy, but the stream is marked idle when no event arrived for {@code idleTimeout}
     * (processing time, checked at every periodic emit) and active again on the next event. An idle
     * stream (split, source subtask) does not hold back the watermark of the operators after it.
     */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be a positive duration, was " + idleTimeout);
        }
        return new WithIdleness<>(this, idleTimeout);
    }

    /**
     * Accepted for compatibility; Eddy does not align watermarks across sources yet, so this logs a
     * warning and returns this strategy unchanged.
     */
    default WatermarkStrategy<T> withWatermarkAlignment(String watermarkGroup, Duration maxAllowedWatermarkDrift) {
        return withWatermarkAlignment(watermarkGroup, maxAllowedWatermarkDrift, Duration.ofSeconds(1));
    }

    /** See {@link #withWatermarkAlignment(String, Duration)}: a no-op with a warning. */
    default WatermarkStrategy<T> withWatermarkAlignment(String watermarkGroup, Duration maxAllowedWatermarkDrift,
            Duration updateInterval) {
        org.slf4j.LoggerFactory.getLogger(WatermarkStrategy.class).warn(
                "Watermark alignment (group '{}', max drift {}, update interval {}) is not supported; "
                        + "sources of this group emit watermarks unaligned", watermarkGroup, maxAllowedWatermarkDrift, updateInterval);
        return this;
    }

    /** Watermarks for strictly ascending (or equal) timestamps: the highest timestamp seen minus one. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return ctx -> new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO);
    }

    /** Watermarks that trail the highest timestamp seen by {@code maxOutOfOrderness}. */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        if (maxOutOfOrderness == null || maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness must be a non-negative duration, was " + maxOutOfOrderness);
        }
        return ctx -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /** A strategy from a custom generator factory. */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
        return generatorSupplier::createWatermarkGenerator;
    }

    /** No watermarks at all (bounded sources still end with the final watermark). */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return ctx -> new NoWatermarksGenerator<>();
    }

    /** A strategy whose timestamp assigner was replaced. */
    final class WithTimestampAssigner<T> implements WatermarkStrategy<T> {
        private static final long serialVersionUID = 1L;
        private final WatermarkStrategy<T> base;
        private final TimestampAssignerSupplier<T> assigner;

        WithTimestampAssigner(WatermarkStrategy<T> base, TimestampAssignerSupplier<T> assigner) {
            this.base = base;
            this.assigner = assigner;
        }

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return base.createWatermarkGenerator(context);
        }

        @Override
        public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
            return assigner.createTimestampAssigner(context);
        }
    }

    /** A strategy whose generator is wrapped to detect idleness. */
    final class WithIdleness<T> implements WatermarkStrategy<T> {
        private static final long serialVersionUID = 1L;
        private final WatermarkStrategy<T> base;
        private final Duration idleTimeout;

        WithIdleness(WatermarkStrategy<T> base, Duration idleTimeout) {
            this.base = base;
            this.idleTimeout = idleTimeout;
        }

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            dev.eddy.util.clock.RelativeClock clock = context == null
                    ? dev.eddy.util.clock.SystemClock.getInstance() : context.getInputActivityClock();
            return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), idleTimeout, clock);
        }

        @Override
        public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
            return base.createTimestampAssigner(context);
        }
    }
}

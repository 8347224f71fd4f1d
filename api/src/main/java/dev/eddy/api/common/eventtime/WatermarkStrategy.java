package dev.eddy.api.common.eventtime;

import java.time.Duration;

/**
 * How a stream gets event timestamps and watermarks: a {@link WatermarkGenerator} factory plus a
 * {@link TimestampAssigner} factory. The strategy object travels inside the job graph; each
 * parallel instance creates its own generator and assigner on its task thread.
 *
 * <p>The minimal set is here (no idleness yet; a later issue adds {@code withIdleness} and
 * watermark alignment).
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
}

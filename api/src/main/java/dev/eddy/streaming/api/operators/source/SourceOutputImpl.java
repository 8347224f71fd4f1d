package dev.eddy.streaming.api.operators.source;

import dev.eddy.api.common.eventtime.TimestampAssigner;
import dev.eddy.api.common.eventtime.Watermark;
import dev.eddy.api.common.eventtime.WatermarkGenerator;
import dev.eddy.api.common.eventtime.WatermarkOutput;
import dev.eddy.api.connector.source.ReaderOutput;
import dev.eddy.api.connector.source.SourceOutput;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.runtime.operators.WatermarkEmitter;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@link ReaderOutput} a {@link SourceReaderOperator} hands its reader: assigns timestamps,
 * runs watermark generators and emits records, watermarks and idleness to the operator's output.
 *
 * <p><b>Per-split watermarks.</b> Every split output ({@link #createOutputForSplit}) has its own
 * generator; so has the reader-wide output itself. The source's watermark is the minimum over the
 * participating outputs that are not idle: every split output until it is released, and the
 * reader-wide output once something was emitted through it directly (or while no split output
 * exists). When all participants are idle the source is idle. The emitted watermark never goes
 * backwards (a split that starts late cannot pull it back). An idle output becomes active again with
 * its next record or a watermark above its last one.
 *
 * <p>Threading: task thread only, except {@link #getWatermarkProgress()}, which returns the view
 * last published (on periodic emits, split changes and status changes) and may be read anywhere.
 */
final class SourceOutputImpl<T> implements ReaderOutput<T> {
    private static final String READER_OUTPUT = "(reader)";
    private final Output<StreamRecord<T>> output;
    private final TimestampAssigner<T> timestampAssigner;
    private final Supplier<WatermarkGenerator<T>> generators;
    private final WatermarkEmitter emitter;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);
    private final Channel main;
    private final Map<String, Channel> splits = new LinkedHashMap<>();
    private long recordsEmitted;
    private volatile List<InputWatermarkProgress> progress = List.of();

    SourceOutputImpl(Output<StreamRecord<T>> output, TimestampAssigner<T> timestampAssigner,
            Supplier<WatermarkGenerator<T>> generators) {
        this.output = output;
        this.timestampAssigner = timestampAssigner;
        this.generators = generators;
        this.emitter = new WatermarkEmitter(output);
        this.main = new Channel(READER_OUTPUT, generators.get());
    }

    @Override
    public void collect(T record) {
        main.collect(record);
    }

    @Override
    public void collect(T record, long timestamp) {
        main.collect(record, timestamp);
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        main.emitWatermark(watermark);
    }

    @Override
    public void markIdle() {
        main.markIdle();
    }

    @Override
    public void markActive() {
        main.markActive();
    }

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        Channel existing = splits.get(splitId);
        if (existing != null) {
            return existing;
        }
        Channel channel = new Channel(splitId, generators.get());
        splits.put(splitId, channel);
        publish();
        return channel;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
        if (splits.remove(splitId) != null) {
            combine();
            publish();
        }
    }

    /** Lets every generator emit its periodic watermark, then emits the combined one. */
    void emitPeriodicWatermark() {
        main.generator.onPeriodicEmit(main.fromGenerator);
        for (Channel c : new ArrayList<>(splits.values())) {
            c.generator.onPeriodicEmit(c.fromGenerator);
        }
        combine();
        publish();
    }

    /** The end of input: event time jumps to the end of time. */
    void emitFinalWatermark() {
        emitter.emitWatermark(Watermark.MAX_WATERMARK);
        publish();
    }

    long recordsEmitted() {
        return recordsEmitted;
    }

    long currentWatermark() {
        return emitter.getCurrentWatermark();
    }

    boolean isIdle() {
        return emitter.isIdle();
    }

    /** The last published per-split view. Any thread. */
    List<InputWatermarkProgress> getWatermarkProgress() {
        return progress;
    }

    private void emitRecord(Channel channel, T record, long timestamp) {
        long assigned = timestampAssigner.extractTimestamp(record, timestamp);
        if (assigned == TimestampAssigner.NO_TIMESTAMP) {
            reuse.replace(record);
            reuse.eraseTimestamp();
        } else {
            reuse.replace(record, assigned);
        }
        output.collect(reuse);
        recordsEmitted++;
        channel.generator.onEvent(record, assigned, channel.fromGenerator);
    }

    private boolean participates(Channel c) {
        return c != main || main.used || splits.isEmpty();
    }

    /** Emits the minimum over active participants, or IDLE when all are idle. */
    private void combine() {
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        boolean anyParticipant = false;
        for (Channel c : participants()) {
            anyParticipant = true;
            if (!c.idle) {
                anyActive = true;
                min = Math.min(min, c.watermark);
            }
        }
        if (!anyParticipant) {
            return;
        }
        if (!anyActive) {
            emitter.markIdle();
            return;
        }
        emitter.markActive();
        if (min > Long.MIN_VALUE) {
            emitter.emitWatermark(new Watermark(min));
        }
    }

    private List<Channel> participants() {
        List<Channel> all = new ArrayList<>(splits.size() + 1);
        if (participates(main)) {
            all.add(main);
        }
        all.addAll(splits.values());
        return all;
    }

    private void publish() {
        List<InputWatermarkProgress.ChannelProgress> channels = new ArrayList<>();
        for (Channel c : participants()) {
            channels.add(new InputWatermarkProgress.ChannelProgress("split " + c.name, c.watermark, c.idle, false));
        }
        progress = List.of(new InputWatermarkProgress("source", emitter.getCurrentWatermark(), emitter.isIdle(), channels));
    }

    /**
     * One split (or the reader-wide output). The reader calls its {@link SourceOutput} methods
     * (which count as using it); its generator writes to {@link #fromGenerator} (which does not).
     */
    private final class Channel implements SourceOutput<T> {
        final String name;
        final WatermarkGenerator<T> generator;
        final WatermarkOutput fromGenerator = new WatermarkOutput() {
            @Override
            public void emitWatermark(Watermark wm) {
                advance(wm.getTimestamp());
            }

            @Override
            public void markIdle() {
                setIdle(true);
            }

            @Override
            public void markActive() {
                setIdle(false);
            }
        };
        long watermark = Long.MIN_VALUE;
        boolean idle;
        boolean used;

        Channel(String name, WatermarkGenerator<T> generator) {
            this.name = name;
            this.generator = generator;
        }

        @Override
        public void collect(T record) {
            collect(record, TimestampAssigner.NO_TIMESTAMP);
        }

        @Override
        public void collect(T record, long timestamp) {
            used = true;
            if (idle) {
                setIdle(false); // a record is activity
            }
            emitRecord(this, record, timestamp);
        }

        @Override
        public void emitWatermark(Watermark wm) {
            used = true;
            advance(wm.getTimestamp());
        }

        @Override
        public void markIdle() {
            used = true;
            setIdle(true);
        }

        @Override
        public void markActive() {
            used = true;
            setIdle(false);
        }

        private void advance(long timestamp) {
            if (timestamp <= watermark) {
                return; // repeating a watermark is no sign of activity
            }
            if (idle) {
                setIdle(false); // progress means active
            }
            {
                watermark = timestamp;
                combine();
            }
        }

        private void setIdle(boolean newIdle) {
            if (idle != newIdle) {
                idle = newIdle;
                combine();
                publish();
            }
        }
    }
}

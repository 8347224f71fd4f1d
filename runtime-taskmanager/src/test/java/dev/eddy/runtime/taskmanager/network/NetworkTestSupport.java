package dev.eddy.runtime.taskmanager.network;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.MemorySize;
import dev.eddy.configuration.NettyShuffleEnvironmentOptions;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shared helpers for data plane tests. */
final class NetworkTestSupport {
    private NetworkTestSupport() {}

    static Configuration config(int segmentBytes, int networkBytes) {
        Configuration c = new Configuration();
        c.set(NettyShuffleEnvironmentOptions.MEMORY_SEGMENT_SIZE, new MemorySize(segmentBytes));
        c.set(NettyShuffleEnvironmentOptions.NETWORK_MEMORY_MAX, new MemorySize(networkBytes));
        return c;
    }

    static NettyShuffleEnvironment env(Configuration c, String tmId) {
        return NettyShuffleEnvironment.start(c, tmId, "127.0.0.1", "127.0.0.1", 0);
    }

    static InputChannelSpec channel(NettyShuffleEnvironment producerEnv, String partitionId, int subpartition) {
        return new InputChannelSpec(partitionId, subpartition, producerEnv.getTaskManagerId(), producerEnv.getDataAddressString());
    }

    /** Collects what a reader emits. */
    static final class Collector<T> implements StreamInputReader.DataOutput<T> {
        final List<Object> elements = new ArrayList<>();
        final List<T> values = new ArrayList<>();
        final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emitRecord(StreamRecord<T> record) {
            values.add(record.getValue());
            elements.add(record.hasTimestamp() ? new StreamRecord<>(record.getValue(), record.getTimestamp())
                    : new StreamRecord<>(record.getValue()));
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
            elements.add(watermark);
        }
    }

    /** Reads until END_OF_INPUT, parking on the availability future; fails after the timeout. */
    static <T> void readToEnd(StreamInputReader<T> reader, StreamInputReader.DataOutput<T> out, long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            InputStatus s = reader.emitNext(out);
            if (s == InputStatus.END_OF_INPUT) {
                return;
            }
            if (s == InputStatus.NOTHING_AVAILABLE) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Input did not end in time");
                }
                try {
                    reader.getAvailableFuture().get(left, TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("Input did not end in time", e);
                }
            }
        }
    }
}

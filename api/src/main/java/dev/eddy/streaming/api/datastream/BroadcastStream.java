package dev.eddy.streaming.api.datastream;

import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import java.util.List;
import java.util.Objects;

/**
 * A stream whose records go to every parallel instance of the operator it is connected to, with
 * the broadcast states (map state descriptors) that operator keeps. Created by
 * {@link DataStream#broadcast(MapStateDescriptor[])}; use it with {@code connect}.
 */
public class BroadcastStream<T> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<T> broadcastedStream;
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    protected BroadcastStream(StreamExecutionEnvironment env, DataStream<T> broadcastedStream,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        this.environment = Objects.requireNonNull(env, "environment");
        this.broadcastedStream = Objects.requireNonNull(broadcastedStream, "broadcast stream");
        this.broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }

    public TypeInformation<T> getType() {
        return broadcastedStream.getType();
    }

    public StreamExecutionEnvironment getEnvironment() {
        return environment;
    }

    /** The stream with the broadcast partitioner applied. */
    public DataStream<T> getBroadcastedStream() {
        return broadcastedStream;
    }

    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return broadcastStateDescriptors;
    }
}

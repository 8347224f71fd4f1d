package bench.jmh;

import bench.nexmark.Event;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeHint;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Serializer throughput for typical record types, with serializers made by type extraction exactly
 * as a job gets them ({@code TypeInformation.of(...).createSerializer(...)}), writing into a reused
 * {@link DataOutputSerializer} and reading back from a {@link DataInputDeserializer} (the views the
 * network and state paths use).
 *
 * <p>Types: {@code long} (Long), {@code string} (24 ASCII chars), {@code tuple2}
 * (Tuple2&lt;Long, String&gt;), {@code pojo} (a Nexmark bid as {@link Event}, a 16-field POJO).
 *
 * <p>Uses only the public API, so it compiles against Apache Flink 2.3.0 after rewriting
 * {@code dev.eddy.} imports to {@code org.apache.flink.}, except {@link #serializerConfig()}: Flink's
 * {@code SerializerConfig} is an interface ({@code new SerializerConfigImpl()} there).
 *
 * <p>Threading: one JMH thread per state instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SerializerBenchmark {
    @Param({"long", "string", "tuple2", "pojo"})
    public String type;

    TypeSerializer<Object> serializer;
    Object value;
    final DataOutputSerializer out = new DataOutputSerializer(256);
    final DataInputDeserializer in = new DataInputDeserializer();
    /** The serialized {@link #value}, for the deserialize-only benchmark. */
    byte[] bytes;

    @Setup
    public void setUp() throws IOException {
        switch (type) {
            case "long" -> init(TypeInformation.of(Long.class), 1_234_567_890_123L);
            case "string" -> init(TypeInformation.of(String.class), "channel-3/item/1234567890");
            case "tuple2" -> init(TypeInformation.of(new TypeHint<Tuple2<Long, String>>() {}),
                    Tuple2.of(1_234_567L, "channel-3/item/1234567890"));
            case "pojo" -> init(TypeInformation.of(Event.class), sampleBid());
            default -> throw new IllegalArgumentException("Unknown type '" + type + "'; use long, string, tuple2 or pojo");
        }
        out.clear();
        serializer.serialize(value, out);
        bytes = out.getCopyOfBuffer();
    }

    @SuppressWarnings("unchecked")
    private <T> void init(TypeInformation<T> info, T sample) {
        serializer = (TypeSerializer<Object>) info.createSerializer(serializerConfig());
        value = sample;
    }

    /** The only line that differs on Flink 2.x ({@code new SerializerConfigImpl()}). */
    static SerializerConfig serializerConfig() {
        return new SerializerConfig();
    }

    /** A bid as the Nexmark generator makes it. */
    static Event sampleBid() {
        Event e = new Event();
        e.type = Event.BID;
        e.dateTime = 1_700_000_000_123L;
        e.auction = 1_000_123L;
        e.bidder = 2_000_456L;
        e.price = 12_345L;
        return e;
    }

    /** Serializes the value into the reused output view. */
    @Benchmark
    public int serialize() throws IOException {
        out.clear();
        serializer.serialize(value, out);
        return out.length();
    }

    /** Deserializes the value from its bytes (a fresh object per call, as on the network path). */
    @Benchmark
    public Object deserialize() throws IOException {
        in.setBuffer(bytes, 0, bytes.length);
        return serializer.deserialize(in);
    }

    /** Serialize then deserialize: what one record costs between two tasks, without the buffers. */
    @Benchmark
    public Object roundTrip() throws IOException {
        out.clear();
        serializer.serialize(value, out);
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        return serializer.deserialize(in);
    }
}

package bench.jmh;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.runtime.taskmanager.network.serialization.BigEndian;
import dev.eddy.runtime.taskmanager.network.serialization.ElementAssembler;
import dev.eddy.runtime.taskmanager.network.serialization.StreamElementSerializer;
import dev.eddy.runtime.taskmanager.network.serialization.StreamElementTags;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
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
 * The record wire format of the data plane without buffers or threads: a timestamped
 * {@link StreamRecord} through {@link StreamElementSerializer} (what {@code RecordWriter.emit} does
 * before copying into a network buffer), then cut out by an {@link ElementAssembler} and its value
 * deserialized (what {@code StreamInputReader} does per element). The difference to
 * {@link SerializerBenchmark#roundTrip} is the framing: length prefix, tag and timestamp.
 *
 * <p>Eddy runtime internals: no Flink twin. Threading: one JMH thread per state instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamRecordBenchmark {
    @Param({"long", "string", "tuple2", "pojo"})
    public String type;

    StreamElementSerializer<Object> elements;
    TypeSerializer<Object> serializer;
    StreamRecord<Object> record;
    final ElementAssembler assembler = new ElementAssembler();
    final DataInputDeserializer view = new DataInputDeserializer();

    @Setup
    public void setUp() throws IOException {
        SerializerBenchmark types = new SerializerBenchmark();
        types.type = type;
        types.setUp();
        serializer = types.serializer;
        elements = new StreamElementSerializer<>(serializer);
        record = new StreamRecord<>(types.value, 1_700_000_000_123L);
    }

    /** Frames and serializes one record into the writer's scratch array; returns its length. */
    @Benchmark
    public int serializeRecord() throws IOException {
        elements.serializeRecord(record);
        return elements.length();
    }

    /** Frames, serializes, locates and deserializes one record; returns the value. */
    @Benchmark
    public Object roundTrip() throws IOException {
        elements.serializeRecord(record);
        if (!assembler.next(elements.array(), 0, elements.length())) {
            throw new IllegalStateException("A whole element in one window must be complete");
        }
        byte[] arr = assembler.elementArray();
        int off = assembler.elementOffset();
        int len = assembler.elementLength();
        if (arr[off] != StreamElementTags.RECORD_WITH_TIMESTAMP) {
            throw new IllegalStateException("Expected a timestamped record, got tag " + arr[off]);
        }
        long timestamp = BigEndian.getLong(arr, off + 1);
        view.setBuffer(arr, off + 9, len - 9);
        Object value = serializer.deserialize(view);
        return timestamp == record.getTimestamp() ? value : null;
    }
}

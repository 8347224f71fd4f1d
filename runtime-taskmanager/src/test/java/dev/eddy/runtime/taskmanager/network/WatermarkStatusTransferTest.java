package dev.eddy.runtime.taskmanager.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.runtime.taskmanager.network.serialization.StreamElementSerializer;
import dev.eddy.runtime.taskmanager.network.serialization.StreamElementTags;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Watermark status (tag 8) on the wire and its effect on a gate's merged watermark. */
class WatermarkStatusTransferTest {

    @Test
    void statusElementRoundTripsThroughTheSerializer() throws IOException {
        StreamElementSerializer<Long> ser = new StreamElementSerializer<>(new LongSerializer());
        for (WatermarkStatus status : new WatermarkStatus[] {WatermarkStatus.IDLE, WatermarkStatus.ACTIVE}) {
            ser.serializeWatermarkStatus(status);
            byte[] bytes = java.util.Arrays.copyOf(ser.array(), ser.length());
            assertThat(bytes).hasSize(6);
            assertThat(bytes[4]).isEqualTo(StreamElementTags.WATERMARK_STATUS);
            assertThat(StreamElementSerializer.readWatermarkStatus(bytes, 4, 2)).isSameAs(status);
        }
        assertThatThrownBy(() -> StreamElementSerializer.readWatermarkStatus(new byte[] {8, 7}, 0, 2))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown watermark status");
    }

    @Test
    void anIdleChannelStopsHoldingBackTheGateAndAllIdleMakesItIdle() throws Exception {
        InMemoryInputGate gate = new InMemoryInputGate(2, 7, new LongSerializer()); // tiny buffers: elements span them
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        List<String> seen = new ArrayList<>();
        StreamInputReader.DataOutput<Long> out = new StreamInputReader.DataOutput<>() {
            @Override
            public void emitRecord(StreamRecord<Long> record) {
                seen.add("R" + record.getValue());
            }

            @Override
            public void emitWatermark(Watermark watermark) {
                seen.add("W" + (watermark.getTimestamp() == Long.MAX_VALUE ? "max" : watermark.getTimestamp()));
            }

            @Override
            public void emitWatermarkStatus(WatermarkStatus status) {
                seen.add(status.isIdle() ? "IDLE" : "ACTIVE");
            }
        };
        gate.watermark(0, 100).record(0, 1L).watermark(1, 40);
        assertThat(drain(reader, out, seen)).containsExactlyInAnyOrder("W40", "R1");
        gate.status(1, WatermarkStatus.IDLE);
        assertThat(drain(reader, out, seen)).containsExactly("W100");
        gate.watermark(0, 200);
        assertThat(drain(reader, out, seen)).containsExactly("W200");
        gate.status(0, WatermarkStatus.IDLE);
        assertThat(drain(reader, out, seen)).containsExactly("IDLE");
        gate.status(1, WatermarkStatus.ACTIVE).watermark(1, 150);
        assertThat(drain(reader, out, seen)).as("active again, but behind: no regression").containsExactly("ACTIVE");
        gate.watermark(1, 300);
        assertThat(drain(reader, out, seen)).containsExactly("W300");
        gate.watermark(1, Long.MAX_VALUE).end(0).end(1);
        assertThat(drain(reader, out, seen)).containsExactly("Wmax");
        assertThat(reader.getWatermarkValve().isChannelFinished(0)).isTrue();
        reader.close();
        gate.close();
    }

    /** Reads until nothing is available or the input ended; returns what was emitted meanwhile. */
    private static List<String> drain(StreamInputReader<Long> reader, StreamInputReader.DataOutput<Long> out, List<String> seen)
            throws Exception {
        int from = seen.size();
        InputStatus s;
        do {
            s = reader.emitNext(out);
        } while (s == InputStatus.MORE_AVAILABLE);
        return new ArrayList<>(seen.subList(from, seen.size()));
    }
}

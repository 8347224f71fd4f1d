package dev.eddy.runtime.taskmanager.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.runtime.taskmanager.network.TestSerializers.BytesSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.runtime.taskmanager.network.serialization.BigEndian;
import dev.eddy.runtime.taskmanager.network.serialization.ElementAssembler;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.runtime.taskmanager.network.serialization.StreamElementSerializer;
import dev.eddy.runtime.taskmanager.network.serialization.StreamElementTags;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The element layout cut at arbitrary buffer boundaries, and the data views. */
class ElementAssemblerTest {

    @Test
    void elementsSplitAtEveryPossibleBoundaryAreReassembled() throws Exception {
        StreamElementSerializer<byte[]> ser = new StreamElementSerializer<>(new BytesSerializer());
        Random random = new Random(1);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] v = new byte[random.nextInt(i % 10 == 0 ? 3000 : 40)];
            random.nextBytes(v);
            sent.add(v);
            ser.serializeRecord(new StreamRecord<>(v, i));
            stream.write(ser.array(), 0, ser.length());
            if (i % 7 == 0) {
                ser.serializeWatermark(i);
                stream.write(ser.array(), 0, ser.length());
            }
        }
        ser.serializeEndOfPartition();
        stream.write(ser.array(), 0, ser.length());
        byte[] all = stream.toByteArray();

        for (int chunk : new int[] {1, 2, 3, 5, 64, 1000, all.length}) {
            ElementAssembler a = new ElementAssembler();
            DataInputDeserializer view = new DataInputDeserializer();
            BytesSerializer values = new BytesSerializer();
            List<byte[]> got = new ArrayList<>();
            int watermarks = 0;
            boolean ended = false;
            for (int off = 0; off < all.length; off += chunk) {
                byte[] buffer = Arrays.copyOfRange(all, off, Math.min(all.length, off + chunk)); // one "network buffer"
                int pos = 0;
                while (pos < buffer.length) {
                    boolean complete = a.next(buffer, pos, buffer.length - pos);
                    pos += a.consumed();
                    if (!complete) {
                        continue;
                    }
                    byte tag = a.elementArray()[a.elementOffset()];
                    if (tag == StreamElementTags.RECORD_WITH_TIMESTAMP) {
                        view.setBuffer(a.elementArray(), a.elementOffset() + 9, a.elementLength() - 9);
                        got.add(values.deserialize(view));
                        assertThat(BigEndian.getLong(a.elementArray(), a.elementOffset() + 1)).isEqualTo(got.size() - 1);
                    } else if (tag == StreamElementTags.WATERMARK) {
                        watermarks++;
                    } else if (tag == StreamElementTags.END_OF_PARTITION) {
                        ended = true;
                    }
                }
            }
            assertThat(ended).as("chunk %d", chunk).isTrue();
            assertThat(watermarks).isEqualTo(29);
            assertThat(got).hasSize(sent.size());
            for (int i = 0; i < sent.size(); i++) {
                assertThat(got.get(i)).as("chunk %d record %d", chunk, i).isEqualTo(sent.get(i));
            }
        }
    }

    @Test
    void corruptLengthIsReported() {
        ElementAssembler a = new ElementAssembler();
        byte[] bad = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1};
        assertThatThrownBy(() -> a.next(bad, 0, bad.length)).isInstanceOf(IOException.class).hasMessageContaining("Corrupt");
    }

    @Test
    void dataViewsRoundTripEveryPrimitiveAndStopAtTheElementEnd() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1);
        out.writeBoolean(true);
        out.writeByte(-3);
        out.writeShort(-2);
        out.writeChar('x');
        out.writeInt(123456789);
        out.writeLong(-987654321012L);
        out.writeFloat(1.5f);
        out.writeDouble(-2.25);
        out.writeUTF("héllo €");
        out.write(new byte[] {9, 8, 7});
        DataInputDeserializer in = new DataInputDeserializer();
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readByte()).isEqualTo((byte) -3);
        assertThat(in.readShort()).isEqualTo((short) -2);
        assertThat(in.readChar()).isEqualTo('x');
        assertThat(in.readInt()).isEqualTo(123456789);
        assertThat(in.readLong()).isEqualTo(-987654321012L);
        assertThat(in.readFloat()).isEqualTo(1.5f);
        assertThat(in.readDouble()).isEqualTo(-2.25);
        assertThat(in.readUTF()).isEqualTo("héllo €");
        byte[] tail = new byte[3];
        in.readFully(tail);
        assertThat(tail).containsExactly(9, 8, 7);
        assertThatThrownBy(in::readByte).isInstanceOf(java.io.EOFException.class);
    }
}

package dev.eddy.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class DataViewsTest {
    @Test
    void writesTheSameBytesAsDataOutputStream() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream ref = new DataOutputStream(bytes);
        for (DataOutputCase c : new DataOutputCase[] {
            o -> o.writeBoolean(true), o -> o.writeByte(-3), o -> o.writeShort(-12345), o -> o.writeChar('\u4e2d'),
            o -> o.writeInt(0xCAFEBABE), o -> o.writeLong(Long.MIN_VALUE + 17), o -> o.writeFloat(3.25f),
            o -> o.writeDouble(-1e300), o -> o.writeUTF("h\u00e9llo \u4e2d\0"), o -> o.writeBytes("abc"), o -> o.writeChars("xy"),
            o -> o.write(new byte[] {9, 8, 7}, 1, 2), o -> o.write(200)
        }) {
            c.write(out);
            c.write(ref);
        }
        assertThat(out.getCopyOfBuffer()).isEqualTo(bytes.toByteArray());
        assertThat(out.length()).isEqualTo(bytes.size());

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readByte()).isEqualTo((byte) -3);
        assertThat(in.readShort()).isEqualTo((short) -12345);
        assertThat(in.readChar()).isEqualTo('\u4e2d');
        assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE + 17);
        assertThat(in.readFloat()).isEqualTo(3.25f);
        assertThat(in.readDouble()).isEqualTo(-1e300);
        assertThat(in.readUTF()).isEqualTo("h\u00e9llo \u4e2d\0");
        byte[] abc = new byte[3];
        in.readFully(abc);
        assertThat(new String(abc, "ISO-8859-1")).isEqualTo("abc");
        assertThat(in.readChar()).isEqualTo('x');
        assertThat(in.readChar()).isEqualTo('y');
        assertThat(in.readUnsignedByte()).isEqualTo(8);
        assertThat(in.readByte()).isEqualTo((byte) 7);
        assertThat(in.readUnsignedByte()).isEqualTo(200);
        assertThat(in.available()).isZero();
        assertThatThrownBy(in::readInt).isInstanceOf(EOFException.class).hasMessageContaining("Wanted 4 bytes");
        assertThat(in.read(new byte[2], 0, 2)).isEqualTo(-1);

        // cross-check readUTF against DataInputStream
        DataInputStream refIn = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        refIn.skipBytes(1 + 1 + 2 + 2 + 4 + 8 + 4 + 8);
        assertThat(refIn.readUTF()).isEqualTo("h\u00e9llo \u4e2d\0");
    }

    @FunctionalInterface
    interface DataOutputCase {
        void write(java.io.DataOutput out) throws Exception;
    }

    @Test
    void growsPast64KiBAndClears() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(16);
        for (int i = 0; i < 40_000; i++) {
            out.writeInt(i);
        }
        assertThat(out.length()).isEqualTo(160_000);
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        int mismatches = 0;
        for (int i = 0; i < 40_000; i++) {
            mismatches += in.readInt() == i ? 0 : 1;
        }
        assertThat(mismatches).isZero();
        byte[] shared = out.getSharedBuffer();
        out.clear();
        assertThat(out.length()).isZero();
        out.writeLong(5);
        assertThat(out.getSharedBuffer()).as("clear keeps the array").isSameAs(shared);
        assertThat(out.wrapAsByteBuffer().remaining()).isEqualTo(8);
    }

    @Test
    void positionsSkipsAndRegions() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(4);
        out.writeInt(0);
        out.writeInt(7);
        int end = out.getPosition();
        out.setPosition(0);
        out.writeInt(42);
        out.setPosition(end);
        out.skipBytesToWrite(3);
        assertThat(out.length()).isEqualTo(11);

        byte[] data = out.getCopyOfBuffer();
        DataInputDeserializer in = new DataInputDeserializer();
        in.setBuffer(data, 4, 4);
        assertThat(in.readInt()).isEqualTo(7);
        assertThat(in.available()).isZero();
        in.setBuffer(ByteBuffer.wrap(data));
        assertThat(in.readInt()).isEqualTo(42);
        in.skipBytesToRead(4);
        assertThat(in.skipBytes(100)).isEqualTo(3);
        assertThatThrownBy(() -> in.skipBytesToRead(1)).isInstanceOf(EOFException.class);
        ByteBuffer direct = ByteBuffer.allocateDirect(4).putInt(99).flip();
        in.setBuffer(direct);
        assertThat(in.readInt()).isEqualTo(99);
        assertThatThrownBy(() -> in.setBuffer(data, 8, 10)).isInstanceOf(IllegalArgumentException.class);

        DataOutputSerializer target = new DataOutputSerializer(1);
        target.write(new DataInputDeserializer(data), 8);
        assertThat(new DataInputDeserializer(target.getCopyOfBuffer()).readInt()).isEqualTo(42);
    }

    @Test
    void varIntsAndVarChars() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1);
        int[] values = {0, 1, 127, 128, 16383, 16384, Integer.MAX_VALUE, -1};
        for (int v : values) {
            out.writeVarInt(v);
        }
        String s = "ab\u00e9\u4e2d\uffff";
        out.writeVarChars(s, s.length());
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        for (int v : values) {
            assertThat(in.readVarInt()).isEqualTo(v);
        }
        assertThat(in.readVarChars(s.length())).isEqualTo(s);
        assertThat(in.available()).isZero();
    }

    @Test
    void readLine() throws Exception {
        DataInputDeserializer in = new DataInputDeserializer("one\ntwo\r\nthree".getBytes("ISO-8859-1"));
        assertThat(in.readLine()).isEqualTo("one");
        assertThat(in.readLine()).isEqualTo("two");
        assertThat(in.readLine()).isEqualTo("three");
        assertThat(in.readLine()).isNull();
    }
}

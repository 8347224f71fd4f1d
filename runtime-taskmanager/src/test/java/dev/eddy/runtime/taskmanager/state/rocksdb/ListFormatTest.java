package dev.eddy.runtime.taskmanager.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored list encoding: splitting without serializer, conversion to the canonical encoding, rejection of other bytes. */
class ListFormatTest {
    /** Encodes payloads as add/addAll do and as the merge operator joins them. */
    private static byte[] encode(List<byte[]> payloads) {
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (int i = 0; i < payloads.size(); i++) {
            if (i > 0) {
                out.writeByte(ListFormat.DELIMITER);
            }
            int lengthPosition = ListFormat.beginElement(out);
            out.write(payloads.get(i), 0, payloads.get(i).length);
            ListFormat.endElement(out, lengthPosition);
        }
        return out.getCopyOfBuffer();
    }

    private static List<byte[]> split(byte[] value) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        ListFormat.Cursor c = new ListFormat.Cursor(value);
        while (c.next()) {
            parts.add(java.util.Arrays.copyOfRange(value, c.start(), c.start() + c.length()));
        }
        return parts;
    }

    private static byte[] withTimestamp(long ts, int element) {
        DataOutputSerializer out = new DataOutputSerializer(12);
        out.writeLong(ts);
        out.writeInt(element);
        return out.getCopyOfBuffer();
    }

    @Test
    void splitsPayloadsFullOfDelimitersAndEmptyOnes() throws IOException {
        byte[] d = {ListFormat.DELIMITER};
        List<byte[]> payloads = List.of(d, new byte[0], new byte[] {ListFormat.DELIMITER, 0, ListFormat.DELIMITER}, new byte[300]);
        assertThat(split(encode(payloads))).containsExactlyElementsOf(payloads);
        assertThat(split(new byte[0])).isEmpty();
    }

    @Test
    void rejectsTheOldCountPrefixedListValueWithAHint() {
        DataOutputSerializer old = new DataOutputSerializer(32);
        old.writeInt(2);
        old.writeLong(1L);
        old.writeLong(2L);
        assertThatThrownBy(() -> split(old.getCopyOfBuffer())).isInstanceOf(IOException.class).hasMessageContaining("savepoint");
        assertThatThrownBy(() -> split(new byte[] {0, 0, 0, 9, 1})).isInstanceOf(IOException.class).hasMessageContaining("exceeds");
    }

    @Test
    void writesTheCanonicalEncodingAndDropsExpiredElements() throws IOException {
        byte[] value = encode(List.of(withTimestamp(0, 1), withTimestamp(5, 2), withTimestamp(1, 3)));
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeByte(7); // something before, kept

        assertThat(ListFormat.writeCanonical(value, new CanonicalSnapshot.TtlCleanup(10, 12), out)).isEqualTo(1);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(in.readByte()).isEqualTo((byte) 7);
        assertThat(in.readInt()).isEqualTo(1);
        assertThat(in.readLong()).isEqualTo(5);
        assertThat(in.readInt()).isEqualTo(2);
        assertThat(in.available()).isZero();

        DataOutputSerializer none = new DataOutputSerializer(64);
        none.writeByte(7);
        assertThat(ListFormat.writeCanonical(value, new CanonicalSnapshot.TtlCleanup(10, 100), none)).isZero();
        assertThat(none.length()).as("nothing written when all expired").isEqualTo(1);

        DataOutputSerializer all = new DataOutputSerializer(64);
        assertThat(ListFormat.writeCanonical(value, null, all)).isEqualTo(3);
        assertThat(all.length()).isEqualTo(4 + 3 * 12);
    }
}

package dev.eddy.runtime.taskmanager.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.runtime.taskmanager.network.serialization.BigEndian;
import dev.eddy.runtime.taskmanager.network.serialization.StreamElementSerializer;
import dev.eddy.runtime.taskmanager.network.serialization.StreamElementTags;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Wire format of checkpoint barriers and cancel markers. */
class CheckpointEventSerializationTest {
    private final StreamElementSerializer<Long> elements = new StreamElementSerializer<>(new LongSerializer());

    private CheckpointBarrier roundTrip(CheckpointBarrier barrier) throws IOException {
        elements.serializeBarrier(barrier);
        byte[] arr = elements.array();
        int len = BigEndian.getInt(arr, 0);
        assertThat(len).isEqualTo(elements.length() - StreamElementTags.LENGTH_BYTES);
        assertThat(arr[4]).isEqualTo(StreamElementTags.CHECKPOINT_BARRIER);
        return StreamElementSerializer.readBarrier(arr, 4, len);
    }

    @Test
    void checkpointBarrierWithAllFlagsAndBothDirectoriesRoundTrips() throws Exception {
        CheckpointBarrier b = new CheckpointBarrier(42, 1_700_000_000_123L,
                new CheckpointOptions(true, true, Path.of("/data/ckpt/job-1/chk-42"), Path.of("/data/ckpt/job-1/shared"), true));
        assertThat(roundTrip(b)).isEqualTo(b);
    }

    @Test
    void eachFlagIsItsOwnBit() throws Exception {
        for (int flags = 0; flags < 8; flags++) {
            CheckpointBarrier b = new CheckpointBarrier(flags, -1, new CheckpointOptions((flags & 1) != 0, (flags & 2) != 0,
                    Path.of("/t/\u00e9t\u00e9"), null, (flags & 4) != 0));
            assertThat(roundTrip(b)).isEqualTo(b);
            assertThat(elements.array()[4 + 1 + 16] & 0xff).as("flags byte").isEqualTo(flags);
        }
    }

    @Test
    void missingSharedDirectoryTravelsAsEmptyString() throws Exception {
        CheckpointBarrier b = new CheckpointBarrier(7, 0, new CheckpointOptions(true, false, Path.of("/sp/savepoint-abc"), null, false));
        CheckpointBarrier back = roundTrip(b);
        assertThat(back.options().sharedDirectory()).isNull();
        // body: id, timestamp, flags, UTF target, UTF "" (two zero length bytes at the end)
        int len = elements.length();
        assertThat(elements.array()[len - 1]).isZero();
        assertThat(elements.array()[len - 2]).isZero();
    }

    @Test
    void cancelMarkerRoundTrips() throws Exception {
        elements.serializeCancelMarker(new CancelCheckpointMarker(99));
        assertThat(elements.length()).isEqualTo(4 + 1 + 8);
        assertThat(elements.array()[4]).isEqualTo(StreamElementTags.CANCEL_CHECKPOINT_MARKER);
        assertThat(StreamElementSerializer.readCancelMarker(elements.array(), 4, 9)).isEqualTo(new CancelCheckpointMarker(99));
    }

    @Test
    void truncatedBarrierIsReportedAsCorruptStream() {
        byte[] bogus = {StreamElementTags.CHECKPOINT_BARRIER, 0, 0, 0};
        assertThatThrownBy(() -> StreamElementSerializer.readBarrier(bogus, 0, bogus.length))
                .isInstanceOf(IOException.class).hasMessageContaining("Corrupt network stream");
    }
}

package dev.eddy.runtime.taskmanager.network;

import static dev.eddy.runtime.taskmanager.network.partition.PartitionState.DRAINING;
import static dev.eddy.runtime.taskmanager.network.partition.PartitionState.FINISHED;
import static dev.eddy.runtime.taskmanager.network.partition.PartitionState.RELEASED;
import static dev.eddy.runtime.taskmanager.network.partition.PartitionState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.runtime.taskmanager.network.buffer.NetworkBufferPool;
import dev.eddy.runtime.taskmanager.network.partition.PartitionState;
import dev.eddy.runtime.taskmanager.network.partition.ResultPartition;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PartitionLifecycleTest {

    @Test
    void legalTransitionsTable() {
        assertLegal(RUNNING, EnumSet.of(FINISHED, RELEASED));
        assertLegal(FINISHED, EnumSet.of(DRAINING, RELEASED));
        assertLegal(DRAINING, EnumSet.of(RELEASED));
        assertLegal(RELEASED, EnumSet.noneOf(PartitionState.class));
    }

    private static void assertLegal(PartitionState from, Set<PartitionState> legal) {
        for (PartitionState to : PartitionState.values()) {
            assertThat(from.canTransitionTo(to)).as("%s -> %s", from, to).isEqualTo(legal.contains(to));
        }
    }

    @Test
    void finishedPartitionStaysUntilEveryConsumerReadItThenFreesItsBuffers() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(16, 64);
        AtomicInteger disposed = new AtomicInteger();
        ResultPartition partition = new ResultPartition("p", "producer", 2, global.createLocalPool("p", 3, 8), disposed::incrementAndGet);
        var view0 = partition.createView(0, () -> {});
        var view1 = partition.createView(1, () -> {});
        RecordWriter<Long> writer = new RecordWriter<>(partition, new LongSerializer());
        for (long i = 0; i < 10; i++) { // 130 bytes per subpartition: 3 buffers each, within the pool's max of 8
            writer.broadcastEmit(new StreamRecord<>(i));
        }
        writer.finish();
        assertThat(partition.getState()).isEqualTo(FINISHED);
        partition.release();
        assertThat(partition.getState()).isEqualTo(DRAINING);
        assertThat(disposed).hasValue(0);

        drain(view0);
        assertThat(partition.getState()).isEqualTo(DRAINING);
        drain(view1);
        assertThat(partition.getState()).isEqualTo(RELEASED);
        assertThat(disposed).hasValue(1);
        partition.release();
        assertThat(disposed).hasValue(1);
        assertThat(global.getNumberOfFreeSegments()).isEqualTo(16);
    }

    @Test
    void unfinishedPartitionIsFreedAtOnce() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(16, 64);
        ResultPartition partition = new ResultPartition("p", "producer", 1, global.createLocalPool("p", 2, 4), () -> {});
        RecordWriter<Long> writer = new RecordWriter<>(partition, new LongSerializer());
        for (long i = 0; i < 10; i++) {
            writer.emit(new StreamRecord<>(i), 0);
        }
        partition.release();
        assertThat(partition.getState()).isEqualTo(RELEASED);
        assertThat(global.getNumberOfFreeSegments()).isEqualTo(16);
    }

    private static void drain(dev.eddy.runtime.taskmanager.network.partition.PipelinedSubpartition view) throws Exception {
        dev.eddy.runtime.taskmanager.network.buffer.BufferSlice s;
        while ((s = view.poll()) != null) {
            s.release();
        }
    }
}

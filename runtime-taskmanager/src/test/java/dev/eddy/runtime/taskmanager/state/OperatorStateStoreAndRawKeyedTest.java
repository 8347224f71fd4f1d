package dev.eddy.runtime.taskmanager.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.proto.OperatorStatePartProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupStatePartitionStreamProvider;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorStateStoreAndRawKeyedTest {
    @TempDir
    Path dir;

    @Test
    void listStatesRoundTripThroughParts() throws Exception {
        DefaultOperatorStateStore store = new DefaultOperatorStateStore(List.of());
        ListState<String> split = store.getListState(new ListStateDescriptor<>("split", String.class));
        ListState<Long> union = store.getUnionListState(new ListStateDescriptor<>("union", Long.class));
        split.addAll(List.of("a", "b"));
        split.add("c");
        union.update(List.of(1L, 2L));
        List<OperatorStatePartProto> parts = store.snapshot();
        assertThat(parts).extracting(OperatorStatePartProto::getName).containsExactly("split", "union");
        assertThat(parts.get(0).getElementsCount()).isEqualTo(3);

        DefaultOperatorStateStore restored = new DefaultOperatorStateStore(parts);
        assertThat(restored.getRegisteredStateNames()).isEmpty();
        assertThat(restored.getListState(new ListStateDescriptor<>("split", String.class)).get()).containsExactly("a", "b", "c");
        assertThat(restored.getUnionListState(new ListStateDescriptor<>("union", Long.class)).get()).containsExactly(1L, 2L);
        assertThat(restored.getRegisteredStateNames()).containsExactly("split", "union");
    }

    @Test
    void aStateKeepsItsMode() throws Exception {
        DefaultOperatorStateStore store = new DefaultOperatorStateStore(List.of());
        store.getListState(new ListStateDescriptor<>("s", String.class));
        assertThatThrownBy(() -> store.getUnionListState(new ListStateDescriptor<>("s", String.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'s'").hasMessageContaining("union");

        DefaultOperatorStateStore restored = new DefaultOperatorStateStore(List.of(OperatorStatePartProto.newBuilder().setName("u")
                .setMode(OperatorStatePartProto.Mode.UNION).build()));
        assertThatThrownBy(() -> restored.getListState(new ListStateDescriptor<>("u", String.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("restored as a union list state");
    }

    @Test
    void partsOfOneNameAreConcatenated() throws Exception {
        DefaultOperatorStateStore a = new DefaultOperatorStateStore(List.of());
        a.getListState(new ListStateDescriptor<>("s", Long.class)).update(List.of(1L, 2L));
        DefaultOperatorStateStore b = new DefaultOperatorStateStore(List.of());
        b.getListState(new ListStateDescriptor<>("s", Long.class)).update(List.of(3L));
        List<OperatorStatePartProto> parts = new ArrayList<>(a.snapshot());
        parts.addAll(b.snapshot());
        DefaultOperatorStateStore merged = new DefaultOperatorStateStore(parts);
        assertThat(merged.getListState(new ListStateDescriptor<>("s", Long.class)).get()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void rawKeyedStateIsReadBackPerKeyGroupAndOnlyForTheNewRange() throws Exception {
        RawKeyedStateOutput out = new RawKeyedStateOutput(new KeyGroupRange(0, 9));
        out.startNewKeyGroup(2);
        out.write("two".getBytes(StandardCharsets.UTF_8));
        out.startNewKeyGroup(5);
        out.write("five".getBytes(StandardCharsets.UTF_8));
        out.startNewKeyGroup(9);
        out.write("nine!".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> out.startNewKeyGroup(4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
        KeyGroupsStateHandleProto handle = out.writeFile(new CheckpointStreamFactory(dir, null), "raw");
        assertThat(handle.getOffsetsList()).containsExactly(-1L, -1L, 0L, -1L, -1L, 3L, -1L, -1L, -1L, 7L);
        assertThat(handle.getSize()).isEqualTo(12);

        List<KeyGroupStatePartitionStreamProvider> inputs = RawKeyedStateInputs.of(List.of(handle), dir, new KeyGroupRange(5, 20));
        assertThat(inputs).extracting(KeyGroupStatePartitionStreamProvider::getKeyGroupId).containsExactly(5, 9);
        List<String> contents = new ArrayList<>();
        for (KeyGroupStatePartitionStreamProvider p : inputs) {
            try (InputStream in = p.getStream()) {
                contents.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(contents).containsExactly("five", "nine!");
    }

    @Test
    void rawKeyedOutputRejectsForeignKeyGroupsAndWritesBeforeAKeyGroup() {
        RawKeyedStateOutput out = new RawKeyedStateOutput(new KeyGroupRange(10, 19));
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("startNewKeyGroup");
        assertThatThrownBy(() -> out.startNewKeyGroup(3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in");
        assertThat(out.hasData()).isFalse();
    }

    @Test
    void aDeferredWriteRunsOnlyInTheAsyncPartAfterTheOutputIsClosed() throws Exception {
        RawKeyedStateOutput out = new RawKeyedStateOutput(new KeyGroupRange(10, 19));
        List<String> log = new ArrayList<>();
        out.writeLater(o -> {
            log.add("write");
            o.startNewKeyGroup(12);
            o.write(7);
        });
        assertThatThrownBy(() -> out.writeLater(o -> {})).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
        out.close(); // end of the synchronous part
        assertThat(log).isEmpty();
        assertThat(out.hasData()).isFalse();
        out.runDeferredWrite();
        assertThat(log).containsExactly("write");
        assertThat(out.hasData()).isTrue();
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(java.io.IOException.class).hasMessageContaining("closed");
        out.runDeferredWrite(); // once only
        assertThat(log).containsExactly("write");
    }
}

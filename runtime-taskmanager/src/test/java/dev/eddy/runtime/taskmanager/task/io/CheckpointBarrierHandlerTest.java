package dev.eddy.runtime.taskmanager.task.io;

import static dev.eddy.runtime.taskmanager.task.io.BarrierAlignmentTest.barrier;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.runtime.taskmanager.task.io.CheckpointBarrierHandler.State;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The alignment state machine on its own, with a manual clock and a recording channel control. */
class CheckpointBarrierHandlerTest {
    private final List<String> events = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000);

    private CheckpointBarrierHandler handler(int channels) {
        CheckpointBarrierListener listener = new CheckpointBarrierListener() {
            @Override
            public void onBarrierComplete(CheckpointBarrier barrier, long alignmentNanos) {
                events.add("complete " + barrier.id() + " after " + alignmentNanos);
            }

            @Override
            public void onCheckpointAborted(long checkpointId, String reason) {
                events.add("abort " + checkpointId);
            }
        };
        return new CheckpointBarrierHandler(channels, listener, new CheckpointBarrierHandler.ChannelControl() {
            @Override
            public void block(int channel) {
                events.add("block " + channel);
            }

            @Override
            public void unblock(int channel) {
                events.add("unblock " + channel);
            }
        }, clock::get);
    }

    @Test
    void legalTransitionsAreBetweenIdleAndAligningOnly() {
        assertThat(State.IDLE.canMoveTo(State.ALIGNING)).isTrue();
        assertThat(State.ALIGNING.canMoveTo(State.IDLE)).isTrue();
        assertThat(State.IDLE.canMoveTo(State.IDLE)).isFalse();
        assertThat(State.ALIGNING.canMoveTo(State.ALIGNING)).isFalse();
    }

    @Test
    void exactlyOnceBlocksEachChannelUntilTheLastAndReportsTheAlignmentTime() throws Exception {
        CheckpointBarrierHandler h = handler(3);
        h.onBarrier(2, barrier(5, true));
        assertThat(h.getState()).isEqualTo(State.ALIGNING);
        clock.addAndGet(700);
        h.onBarrier(0, barrier(5, true));
        clock.addAndGet(300);
        h.onBarrier(1, barrier(5, true));
        assertThat(events).containsExactly("block 2", "block 0", "unblock 0", "unblock 2", "complete 5 after 1000");
        assertThat(h.getState()).isEqualTo(State.IDLE);
        assertThat(h.getPendingCheckpointId()).isEqualTo(-1);
    }

    @Test
    void singleChannelCompletesAtOnceWithoutBlocking() throws Exception {
        CheckpointBarrierHandler h = handler(1);
        h.onBarrier(0, barrier(1, true));
        h.onBarrier(0, barrier(2, true));
        assertThat(events).containsExactly("complete 1 after 0", "complete 2 after 0");
    }

    @Test
    void endedChannelsCountAsAlignedAtStartAndDuringAlignment() throws Exception {
        CheckpointBarrierHandler h = handler(3);
        h.onEndOfChannel(0);
        h.onBarrier(1, barrier(3, true));
        assertThat(h.isBlocked(1)).isTrue();
        h.onEndOfChannel(2);
        assertThat(events).containsExactly("block 1", "unblock 1", "complete 3 after 0");
    }

    @Test
    void overtakingBarrierAbortsAndStartsTheNewerCheckpoint() throws Exception {
        CheckpointBarrierHandler h = handler(2);
        h.onBarrier(0, barrier(1, true));
        h.onBarrier(1, barrier(2, true));
        assertThat(events).containsExactly("block 0", "unblock 0", "abort 1", "block 1");
        assertThat(h.getPendingCheckpointId()).isEqualTo(2);
        h.onBarrier(0, barrier(1, true)); // stale
        h.onCancelMarker(0, new CancelCheckpointMarker(1)); // stale
        assertThat(h.isBlocked(0)).isFalse();
        h.onBarrier(0, barrier(2, true));
        assertThat(events.subList(4, events.size())).containsExactly("unblock 1", "complete 2 after 0");
    }

    @Test
    void atLeastOnceNeverBlocks() throws Exception {
        CheckpointBarrierHandler h = handler(2);
        h.onBarrier(0, barrier(1, false));
        clock.addAndGet(5);
        h.onBarrier(1, barrier(1, false));
        assertThat(events).containsExactly("complete 1 after 5");
    }

    @Test
    void cancelMarkerWhileIdleAbortsThatCheckpointOnceAndItsBarriersAreIgnored() throws Exception {
        CheckpointBarrierHandler h = handler(2);
        h.onCancelMarker(0, new CancelCheckpointMarker(4));
        h.onCancelMarker(1, new CancelCheckpointMarker(4));
        h.onBarrier(1, barrier(4, true));
        assertThat(events).containsExactly("abort 4");
        assertThat(h.getState()).isEqualTo(State.IDLE);
    }

    @Test
    void atLeastOnceKeepsSeveralCheckpointsPendingWhenOneChannelIsAhead() throws Exception {
        CheckpointBarrierHandler h = handler(2);
        h.onBarrier(0, barrier(1, false));
        clock.addAndGet(10);
        h.onBarrier(0, barrier(2, false));
        clock.addAndGet(10);
        h.onBarrier(1, barrier(1, false));
        assertThat(h.getState()).isEqualTo(State.ALIGNING);
        clock.addAndGet(10);
        h.onBarrier(1, barrier(2, false));
        assertThat(events).containsExactly("complete 1 after 20", "complete 2 after 20");
        assertThat(h.getState()).isEqualTo(State.IDLE);
    }

    @Test
    void atLeastOnceCompletionAbortsOlderPendingCheckpoints() throws Exception {
        CheckpointBarrierHandler h = handler(3);
        h.onBarrier(0, barrier(1, false));
        h.onBarrier(0, barrier(2, false));
        h.onBarrier(1, barrier(2, false));
        h.onBarrier(2, barrier(2, false));
        assertThat(events).containsExactly("abort 1", "complete 2 after 0");
        h.onBarrier(1, barrier(1, false));
        assertThat(events).hasSize(2);
    }

    @Test
    void atLeastOnceChannelEndCompletesPendingCheckpointsInOrder() throws Exception {
        CheckpointBarrierHandler h = handler(2);
        h.onBarrier(0, barrier(1, false));
        h.onBarrier(0, barrier(2, false));
        h.onEndOfChannel(1);
        assertThat(events).containsExactly("complete 1 after 0", "complete 2 after 0");
    }

    @Test
    void atLeastOnceCancelMarkerAbortsPendingUpToItsId() throws Exception {
        CheckpointBarrierHandler h = handler(2);
        h.onBarrier(0, barrier(1, false));
        h.onBarrier(0, barrier(2, false));
        h.onBarrier(0, barrier(3, false));
        h.onCancelMarker(1, new CancelCheckpointMarker(2));
        assertThat(events).containsExactly("abort 1", "abort 2");
        assertThat(h.getPendingCheckpointId()).isEqualTo(3);
        h.onBarrier(1, barrier(3, false));
        assertThat(events).containsExactly("abort 1", "abort 2", "complete 3 after 0");
    }
}

package dev.eddy.runtime.taskmanager.task.io;

import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aligns checkpoint barriers over every input channel of one task: all channels of all gates,
 * both inputs of a two-input task, numbered globally {@code [0, numberOfChannels)}. Task thread
 * only; called by {@link StreamInputProcessor} as its readers deliver barriers, cancel markers and
 * channel ends, and calls back into the {@link CheckpointBarrierListener} and the
 * {@link ChannelControl} from inside those calls.
 *
 * <p>One checkpoint is aligned at a time. The first barrier of a checkpoint newer than the last one
 * completed or aborted starts it. With exactly-once options every channel that delivered the barrier
 * is blocked (its later data stays unread) until all channels delivered it; a channel that ended
 * counts as delivered. Then the blocked channels are released and
 * {@link CheckpointBarrierListener#onBarrierComplete} is called with the time from the first barrier
 * to the last. With at-least-once options nothing is blocked; only the completion is reported. A
 * task with one channel completes on the barrier itself.
 *
 * <p>A barrier of a newer checkpoint aborts the one being aligned ("overtaken") and starts the newer
 * one. A cancel marker for the checkpoint being aligned, or a newer one, aborts it; a newer id is
 * reported aborted as well, so its barriers are ignored when they come. Barriers and markers of
 * checkpoints already completed or aborted are ignored.
 */
final class CheckpointBarrierHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointBarrierHandler.class);

    /** Lifecycle of the handler; {@link #canMoveTo} is the table of legal transitions. */
    enum State {
        /** No checkpoint is being aligned; no channel is blocked. */
        IDLE,
        /** Some but not all channels delivered the barrier of the pending checkpoint. */
        ALIGNING;

        boolean canMoveTo(State next) {
            return this != next;
        }
    }

    /** Blocks and releases channels by global index. Task thread. */
    interface ChannelControl {
        void block(int channel);

        void unblock(int channel);
    }

    private final CheckpointBarrierListener listener;
    private final ChannelControl channels;
    private final LongSupplier nanoClock;
    private final boolean[] ended;
    private final boolean[] received;
    private final boolean[] blocked;
    private int numEnded;
    /** Channels that delivered the pending barrier or ended. */
    private int numAligned;
    private State state = State.IDLE;
    private CheckpointBarrier pending;
    private long startNanos;
    /** Highest checkpoint id completed or aborted; anything at or below it is stale. */
    private long lastClosedId = Long.MIN_VALUE;

    CheckpointBarrierHandler(int numberOfChannels, CheckpointBarrierListener listener, ChannelControl channels, LongSupplier nanoClock) {
        this.listener = listener;
        this.channels = channels;
        this.nanoClock = nanoClock;
        this.ended = new boolean[numberOfChannels];
        this.received = new boolean[numberOfChannels];
        this.blocked = new boolean[numberOfChannels];
    }

    State getState() {
        return state;
    }

    /** The checkpoint being aligned, or -1. */
    long getPendingCheckpointId() {
        return pending == null ? -1 : pending.id();
    }

    boolean isBlocked(int channel) {
        return blocked[channel];
    }

    void onBarrier(int channel, CheckpointBarrier barrier) throws Exception {
        long id = barrier.id();
        if (isStale(id)) {
            LOG.debug("Ignoring barrier of checkpoint {} on channel {}: it is already completed, aborted or overtaken", id, channel);
            return;
        }
        if (state == State.ALIGNING && id > pending.id()) {
            long old = pending.id();
            abortPending("Checkpoint " + old + " was overtaken by checkpoint " + id + " (barrier on input channel " + channel
                    + ") before every input delivered its barrier");
        }
        if (state == State.IDLE) {
            start(barrier);
        }
        if (received[channel] || ended[channel]) {
            LOG.warn("Input channel {} delivered the barrier of checkpoint {} twice or after it ended; ignoring the repeat", channel, id);
            return;
        }
        received[channel] = true;
        numAligned++;
        if (numAligned == received.length) {
            completePending();
        } else if (pending.options().exactlyOnce()) {
            blocked[channel] = true;
            channels.block(channel);
        }
    }

    void onCancelMarker(int channel, CancelCheckpointMarker marker) throws Exception {
        long id = marker.checkpointId();
        if (isStale(id)) {
            LOG.debug("Ignoring cancel marker of checkpoint {} on channel {}: already completed, aborted or overtaken", id, channel);
            return;
        }
        String reason = "an upstream task aborted checkpoint " + id + " (cancel marker on input channel " + channel + ")";
        if (state == State.ALIGNING) {
            long current = pending.id();
            abortPending(current == id ? reason : "Checkpoint " + current + " was overtaken: " + reason);
            if (current == id) {
                return;
            }
        }
        lastClosedId = id;
        listener.onCheckpointAborted(id, reason);
    }

    /** {@code channel} sent END_OF_PARTITION: it no longer holds alignment back. Idempotent. */
    void onEndOfChannel(int channel) throws Exception {
        if (ended[channel]) {
            return;
        }
        ended[channel] = true;
        numEnded++;
        if (state == State.ALIGNING && !received[channel]) {
            numAligned++;
            if (numAligned == received.length) {
                completePending();
            }
        }
    }

    private boolean isStale(long id) {
        return id <= lastClosedId || (state == State.ALIGNING && id < pending.id());
    }

    private void start(CheckpointBarrier barrier) {
        moveTo(State.ALIGNING);
        pending = barrier;
        startNanos = nanoClock.getAsLong();
        Arrays.fill(received, false);
        numAligned = numEnded;
    }

    private void completePending() throws Exception {
        CheckpointBarrier barrier = pending;
        long alignmentNanos = nanoClock.getAsLong() - startNanos;
        close();
        listener.onBarrierComplete(barrier, alignmentNanos);
    }

    private void abortPending(String reason) throws Exception {
        long id = pending.id();
        close();
        LOG.info("Checkpoint {} aborted during barrier alignment: {}", id, reason);
        listener.onCheckpointAborted(id, reason);
    }

    /** Ends the pending checkpoint and releases every blocked channel (before the listener runs). */
    private void close() {
        lastClosedId = Math.max(lastClosedId, pending.id());
        pending = null;
        moveTo(State.IDLE);
        for (int i = 0; i < blocked.length; i++) {
            if (blocked[i]) {
                blocked[i] = false;
                channels.unblock(i);
            }
        }
    }

    private void moveTo(State next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("Barrier alignment cannot move from " + state + " to " + next);
        }
        state = next;
    }
}

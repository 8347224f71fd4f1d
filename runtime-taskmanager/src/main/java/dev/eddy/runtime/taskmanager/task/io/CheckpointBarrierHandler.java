package dev.eddy.runtime.taskmanager.task.io;

import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import java.util.ArrayList;
import java.util.List;
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
 * <p><b>Exactly-once</b> (the barrier's options say so): one checkpoint is aligned at a time. Every
 * channel that delivered its barrier is blocked (its later data stays unread) until all channels
 * delivered it; a channel that ended counts as delivered. Then the blocked channels are released and
 * {@link CheckpointBarrierListener#onBarrierComplete} is called with the time from the first barrier
 * to the last. A barrier of a newer checkpoint aborts the one being aligned ("overtaken") and starts
 * the newer one; an older one is ignored.
 *
 * <p><b>At-least-once</b>: nothing is blocked. Several checkpoints may be pending at once (a fast
 * channel may deliver barrier n+1 before a slow one delivered n); each completes when its last
 * channel delivered it, and completing one aborts the older ones still pending.
 *
 * <p>A task with one channel completes on the barrier itself. A cancel marker aborts every pending
 * checkpoint up to its id, and that id itself (so its barriers are ignored when they come). Barriers
 * and markers of checkpoints already completed or aborted are ignored.
 */
final class CheckpointBarrierHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointBarrierHandler.class);

    /** Lifecycle of the handler; {@link #canMoveTo} is the table of legal transitions. */
    enum State {
        /** No checkpoint is pending; no channel is blocked. */
        IDLE,
        /** Some but not all channels delivered the barrier of at least one pending checkpoint. */
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

    /** One checkpoint whose barrier some channels delivered. */
    private static final class Pending {
        final CheckpointBarrier barrier;
        final long startNanos;
        final boolean[] received;
        /** Channels that delivered the barrier or ended. */
        int aligned;

        Pending(CheckpointBarrier barrier, long startNanos, int channels, int ended) {
            this.barrier = barrier;
            this.startNanos = startNanos;
            this.received = new boolean[channels];
            this.aligned = ended;
        }

        long id() {
            return barrier.id();
        }

        boolean exactlyOnce() {
            return barrier.options().exactlyOnce();
        }
    }

    private final CheckpointBarrierListener listener;
    private final ChannelControl channels;
    private final LongSupplier nanoClock;
    private final boolean[] ended;
    private final boolean[] blocked;
    private int numEnded;
    /** Ascending ids. Exactly-once: at most one. */
    private final List<Pending> pending = new ArrayList<>();
    private State state = State.IDLE;
    /** Highest checkpoint id completed or aborted; anything at or below it is stale. */
    private long lastClosedId = Long.MIN_VALUE;

    CheckpointBarrierHandler(int numberOfChannels, CheckpointBarrierListener listener, ChannelControl channels, LongSupplier nanoClock) {
        this.listener = listener;
        this.channels = channels;
        this.nanoClock = nanoClock;
        this.ended = new boolean[numberOfChannels];
        this.blocked = new boolean[numberOfChannels];
    }

    State getState() {
        return state;
    }

    /** The newest pending checkpoint, or -1. */
    long getPendingCheckpointId() {
        return pending.isEmpty() ? -1 : pending.get(pending.size() - 1).id();
    }

    boolean isBlocked(int channel) {
        return blocked[channel];
    }

    void onBarrier(int channel, CheckpointBarrier barrier) throws Exception {
        long id = barrier.id();
        boolean exactlyOnce = barrier.options().exactlyOnce();
        if (id <= lastClosedId || (exactlyOnce && getPendingCheckpointId() > id)) {
            LOG.debug("Ignoring barrier of checkpoint {} on channel {}: it is already completed, aborted or overtaken", id, channel);
            return;
        }
        Pending p = find(id);
        if (p == null) {
            if (exactlyOnce) {
                while (!pending.isEmpty()) {
                    Pending old = pending.get(0);
                    abort(old, "Checkpoint " + old.id() + " was overtaken by checkpoint " + id + " (barrier on input channel "
                            + channel + ") before every input delivered its barrier");
                }
            }
            p = start(barrier);
        }
        if (p.received[channel] || ended[channel]) {
            LOG.warn("Input channel {} delivered the barrier of checkpoint {} twice or after it ended; ignoring the repeat", channel, id);
            return;
        }
        p.received[channel] = true;
        p.aligned++;
        if (p.aligned == ended.length) {
            complete(p);
        } else if (p.exactlyOnce()) {
            blocked[channel] = true;
            channels.block(channel);
        }
    }

    void onCancelMarker(int channel, CancelCheckpointMarker marker) throws Exception {
        long id = marker.checkpointId();
        if (id <= lastClosedId) {
            LOG.debug("Ignoring cancel marker of checkpoint {} on channel {}: already completed or aborted", id, channel);
            return;
        }
        String reason = "an upstream task aborted checkpoint " + id + " (cancel marker on input channel " + channel + ")";
        boolean reported = false;
        while (!pending.isEmpty() && pending.get(0).id() <= id) {
            Pending p = pending.get(0);
            reported |= p.id() == id;
            abort(p, p.id() == id ? reason : "Checkpoint " + p.id() + " was overtaken: " + reason);
        }
        lastClosedId = Math.max(lastClosedId, id);
        if (!reported) {
            listener.onCheckpointAborted(id, reason);
        }
    }

    /** {@code channel} sent END_OF_PARTITION: it no longer holds alignment back. Idempotent. */
    void onEndOfChannel(int channel) throws Exception {
        if (ended[channel]) {
            return;
        }
        ended[channel] = true;
        numEnded++;
        for (Pending p : pending) {
            if (!p.received[channel]) {
                p.aligned++;
            }
        }
        while (true) {
            Pending done = null;
            for (Pending p : pending) {
                if (p.aligned == ended.length) {
                    done = p;
                    break;
                }
            }
            if (done == null) {
                return;
            }
            complete(done);
        }
    }

    private Pending find(long id) {
        for (Pending p : pending) {
            if (p.id() == id) {
                return p;
            }
        }
        return null;
    }

    private Pending start(CheckpointBarrier barrier) {
        if (pending.isEmpty()) {
            moveTo(State.ALIGNING);
        }
        Pending p = new Pending(barrier, nanoClock.getAsLong(), ended.length, numEnded);
        int at = 0;
        while (at < pending.size() && pending.get(at).id() < barrier.id()) {
            at++;
        }
        pending.add(at, p);
        return p;
    }

    private void complete(Pending p) throws Exception {
        while (pending.get(0) != p) {
            Pending old = pending.get(0);
            abort(old, "Checkpoint " + old.id() + " was overtaken: every input delivered the barrier of checkpoint " + p.id() + " first");
        }
        long alignmentNanos = nanoClock.getAsLong() - p.startNanos;
        remove(p);
        listener.onBarrierComplete(p.barrier, alignmentNanos);
    }

    private void abort(Pending p, String reason) throws Exception {
        remove(p);
        LOG.info("Checkpoint {} aborted during barrier alignment: {}", p.id(), reason);
        listener.onCheckpointAborted(p.id(), reason);
    }

    /** Ends a pending checkpoint; releases the blocked channels (before the listener runs) if it was aligning them. */
    private void remove(Pending p) {
        pending.remove(p);
        lastClosedId = Math.max(lastClosedId, p.id());
        if (pending.isEmpty()) {
            moveTo(State.IDLE);
        }
        if (p.exactlyOnce()) {
            for (int i = 0; i < blocked.length; i++) {
                if (blocked[i]) {
                    blocked[i] = false;
                    channels.unblock(i);
                }
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

package dev.eddy.streaming.api.operators.async;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Ordered mode: an entry leaves only when it is done and everything before it has left. Task thread only. */
final class OrderedStreamElementQueue implements StreamElementQueue {
    private final ArrayDeque<QueueEntry> queue = new ArrayDeque<>();

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public void add(QueueEntry entry) {
        queue.addLast(entry);
    }

    @Override
    public void onCompleted(RecordEntry<?, ?> entry) {}

    @Override
    public void emitCompleted(Consumer<QueueEntry> emitter) throws Exception {
        while (!queue.isEmpty() && queue.peekFirst().isDone()) {
            emitter.accept(queue.pollFirst());
        }
    }

    @Override
    public List<QueueEntry> entries() {
        return new ArrayList<>(queue);
    }
}

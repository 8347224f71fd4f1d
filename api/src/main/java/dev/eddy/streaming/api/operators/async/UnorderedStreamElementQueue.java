package dev.eddy.streaming.api.operators.async;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Unordered mode. Watermarks split the queue into segments: the records between two watermarks
 * leave in completion order, but only once everything before the earlier watermark has left, and a
 * watermark leaves only after all records before it. So no record crosses a watermark, as in Flink.
 * Task thread only.
 */
final class UnorderedStreamElementQueue implements StreamElementQueue {
    /** Oldest first; the head is the only segment that may emit records. */
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private int size;

    @Override
    public int size() {
        return size;
    }

    @Override
    public void add(QueueEntry entry) {
        Segment last = segments.peekLast();
        if (entry instanceof QueueEntry.WatermarkEntry) {
            segments.addLast(new Segment((QueueEntry.WatermarkEntry) entry, -1));
        } else {
            RecordEntry<?, ?> record = (RecordEntry<?, ?>) entry;
            if (last == null || last.watermark != null || last.epoch != record.epoch) {
                last = new Segment(null, record.epoch);
                segments.addLast(last);
            }
            last.records.add(record);
        }
        size++;
    }

    @Override
    public void onCompleted(RecordEntry<?, ?> entry) {
        for (Segment s : segments) {
            if (s.watermark == null && s.epoch == entry.epoch && s.records.contains(entry)) {
                s.completed.addLast(entry);
                return;
            }
        }
        throw new IllegalStateException("Completed async entry " + entry + " is not in the queue");
    }

    @Override
    public void emitCompleted(Consumer<QueueEntry> emitter) throws Exception {
        Segment head;
        while ((head = segments.peekFirst()) != null) {
            if (head.watermark != null) {
                segments.pollFirst();
                size--;
                emitter.accept(head.watermark);
                continue;
            }
            RecordEntry<?, ?> done;
            while ((done = head.completed.pollFirst()) != null) {
                head.records.remove(done);
                size--;
                emitter.accept(done);
            }
            if (!head.records.isEmpty()) {
                return;
            }
            segments.pollFirst();
        }
    }

    @Override
    public List<QueueEntry> entries() {
        List<QueueEntry> all = new ArrayList<>(size);
        for (Segment s : segments) {
            if (s.watermark != null) {
                all.add(s.watermark);
            } else {
                all.addAll(s.records);
            }
        }
        return all;
    }

    /** A watermark, or the records queued between two watermarks. */
    private static final class Segment {
        final QueueEntry.WatermarkEntry watermark;
        final long epoch;
        /** Not yet emitted, in input order. */
        final LinkedHashSet<RecordEntry<?, ?>> records = new LinkedHashSet<>();
        /** Done and not yet emitted, in completion order. */
        final ArrayDeque<RecordEntry<?, ?>> completed = new ArrayDeque<>();

        Segment(QueueEntry.WatermarkEntry watermark, long epoch) {
            this.watermark = watermark;
            this.epoch = epoch;
        }
    }
}

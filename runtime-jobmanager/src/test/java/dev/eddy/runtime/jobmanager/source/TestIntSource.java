package dev.eddy.runtime.jobmanager.source;

import dev.eddy.api.connector.source.Boundedness;
import dev.eddy.api.connector.source.Source;
import dev.eddy.api.connector.source.SourceEvent;
import dev.eddy.api.connector.source.SourceReader;
import dev.eddy.api.connector.source.SourceReaderContext;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.api.connector.source.SplitEnumerator;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import dev.eddy.core.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A source for coordinator tests: splits are ints, the enumerator hands out the next pending one
 * per request (then "no more splits"), echoes every source event back to its reader, and records
 * every call it gets in {@link #log} (readable from the test thread).
 */
final class TestIntSource implements Source<Integer, TestIntSource.IntSplit, List<Integer>> {
    private static final long serialVersionUID = 1L;

    record IntSplit(int value) implements SourceSplit {
        @Override
        public String splitId() {
            return "split-" + value;
        }
    }

    record Echo(String text) implements SourceEvent {}

    final CopyOnWriteArrayList<String> log = new CopyOnWriteArrayList<>(); // the JobManager works on a deserialized copy
    private final List<Integer> splits;
    transient volatile boolean failOnRequest;

    TestIntSource(List<Integer> splits) {
        this.splits = splits;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Integer, IntSplit> createReader(SourceReaderContext readerContext) {
        throw new UnsupportedOperationException("coordinator tests run no readers");
    }

    @Override
    public SplitEnumerator<IntSplit, List<Integer>> createEnumerator(SplitEnumeratorContext<IntSplit> context) {
        log.add("create");
        return new Enumerator(context, splits);
    }

    @Override
    public SplitEnumerator<IntSplit, List<Integer>> restoreEnumerator(SplitEnumeratorContext<IntSplit> context,
            List<Integer> checkpoint) {
        log.add("restore " + checkpoint);
        return new Enumerator(context, checkpoint);
    }

    private final class Enumerator implements SplitEnumerator<IntSplit, List<Integer>> {
        private final SplitEnumeratorContext<IntSplit> context;
        private final ArrayDeque<Integer> pending;

        Enumerator(SplitEnumeratorContext<IntSplit> context, List<Integer> splits) {
            this.context = context;
            this.pending = new ArrayDeque<>(splits);
        }

        @Override
        public void start() {
            log.add("start " + Thread.currentThread().getName().startsWith("eddy-source-coordinator-"));
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            log.add("request " + subtaskId + " " + requesterHostname);
            if (failOnRequest) {
                throw new IllegalStateException("enumerator broke");
            }
            Integer next = pending.poll();
            if (next != null) {
                context.assignSplit(new IntSplit(next), subtaskId);
            } else {
                context.signalNoMoreSplits(subtaskId);
            }
        }

        @Override
        public void addSplitsBack(List<IntSplit> back, int subtaskId) {
            log.add("back " + subtaskId + " " + back.stream().map(IntSplit::value).toList());
            back.forEach(s -> pending.addFirst(s.value()));
        }

        @Override
        public void addReader(int subtaskId) {
            log.add("reader " + subtaskId + " " + context.registeredReaders().keySet());
        }

        @Override
        public void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
            log.add("event " + subtaskId + " " + sourceEvent);
            context.sendEventToSourceReader(subtaskId, new Echo("echo " + ((Echo) sourceEvent).text()));
        }

        @Override
        public List<Integer> snapshotState(long checkpointId) {
            log.add("snapshot " + checkpointId);
            return new ArrayList<>(pending);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            log.add("complete " + checkpointId);
        }

        @Override
        public void close() {
            log.add("close");
        }
    }

    @Override
    public SimpleVersionedSerializer<IntSplit> getSplitSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 3;
            }

            @Override
            public byte[] serialize(IntSplit split) {
                return java.nio.ByteBuffer.allocate(4).putInt(split.value()).array();
            }

            @Override
            public IntSplit deserialize(int version, byte[] serialized) {
                return new IntSplit(java.nio.ByteBuffer.wrap(serialized).getInt());
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<List<Integer>> getEnumeratorCheckpointSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 7;
            }

            @Override
            public byte[] serialize(List<Integer> values) throws IOException {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    out.writeInt(values.size());
                    for (int v : values) {
                        out.writeInt(v);
                    }
                }
                return bytes.toByteArray();
            }

            @Override
            public List<Integer> deserialize(int version, byte[] serialized) throws IOException {
                if (version != 7) {
                    throw new IOException("unknown version " + version);
                }
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                    int n = in.readInt();
                    List<Integer> values = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        values.add(in.readInt());
                    }
                    return values;
                }
            }
        };
    }
}

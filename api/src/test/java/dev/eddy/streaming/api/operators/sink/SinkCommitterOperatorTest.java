package dev.eddy.streaming.api.operators.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.connector.sink2.CommitRequest;
import dev.eddy.api.connector.sink2.Committer;
import dev.eddy.api.connector.sink2.CommitterInitContext;
import dev.eddy.api.connector.sink2.CommittingSinkWriter;
import dev.eddy.api.connector.sink2.Sink;
import dev.eddy.api.connector.sink2.SinkWriter;
import dev.eddy.api.connector.sink2.SupportsCommitter;
import dev.eddy.api.connector.sink2.WriterInitContext;
import dev.eddy.connector.testing.TestOperatorStateStore;
import dev.eddy.connector.testing.TestSubtask;
import dev.eddy.core.io.SimpleVersionedSerializer;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The committer side of the sink writer operator, with a committer that records (and can be slow or fail). */
@Timeout(60)
class SinkCommitterOperatorTest {
    /** Per-test shared objects, looked up by key (the sink itself must stay serializable). */
    private static final Map<String, Shared> SHARED = new ConcurrentHashMap<>();

    static final class Shared {
        final ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
        final CountDownLatch commitStarted = new CountDownLatch(1);
        volatile long sleepMillis;
        volatile String committerThread;
        volatile int retriesLeft;
        volatile boolean failUnknown;
    }

    /** Buffers records; a committable is the records since the last pre-commit, joined with ','. */
    static final class RecordingSink implements Sink<String>, SupportsCommitter<String> {
        private static final long serialVersionUID = 1L;
        private final String key;

        RecordingSink(String key) {
            this.key = key;
        }

        @Override
        public SinkWriter<String> createWriter(WriterInitContext context) {
            return new CommittingSinkWriter<String, String>() {
                private final List<String> buffer = new ArrayList<>();

                @Override
                public Collection<String> prepareCommit() {
                    if (buffer.isEmpty()) {
                        return List.of();
                    }
                    String c = String.join(",", buffer);
                    buffer.clear();
                    return List.of(c);
                }

                @Override
                public void write(String element, Context ctx) {
                    buffer.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }

        @Override
        public Committer<String> createCommitter(CommitterInitContext context) {
            Shared shared = SHARED.get(key);
            return new Committer<>() {
                @Override
                public void commit(Collection<CommitRequest<String>> requests) throws InterruptedException {
                    shared.committerThread = Thread.currentThread().getName();
                    shared.commitStarted.countDown();
                    Thread.sleep(shared.sleepMillis);
                    for (CommitRequest<String> r : requests) {
                        if (shared.failUnknown) {
                            r.signalFailedWithUnknownReason(new IllegalStateException("broken store"));
                        } else if (shared.retriesLeft > 0) {
                            shared.retriesLeft--;
                            r.retryLater();
                        } else if (!shared.committed.contains(r.getCommittable())) {
                            shared.committed.add(r.getCommittable());
                        } else {
                            r.signalAlreadyCommitted();
                        }
                    }
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public SimpleVersionedSerializer<String> getCommittableSerializer() {
            return new SimpleVersionedSerializer<>() {
                @Override
                public int getVersion() {
                    return 1;
                }

                @Override
                public byte[] serialize(String obj) {
                    return obj.getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public String deserialize(int version, byte[] serialized) {
                    return new String(serialized, StandardCharsets.UTF_8);
                }
            };
        }
    }

    private static Shared shared(String key) {
        Shared s = new Shared();
        SHARED.put(key, s);
        return s;
    }

    private static SinkWriterOperator<String> open(String key, TestSubtask<Void> subtask, TestOperatorStateStore store)
            throws Exception {
        SinkWriterOperator<String> op = new SinkWriterOperator<>(new RecordingSink(key));
        op.setup(subtask.parameters());
        op.initializeState(store.initializationContext());
        op.open();
        return op;
    }

    private static void awaitPending(SinkWriterOperator<String> op, TestSubtask<Void> subtask, int pending) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
            subtask.runMail();
            return op.getPendingCommittableCount() == pending;
        });
    }

    @Test
    void aSlowCommitDoesNotBlockRecordsOrCheckpoints() throws Exception {
        Shared shared = shared("slow");
        shared.sleepMillis = 3000;
        TestSubtask<Void> subtask = new TestSubtask<>(0, 1);
        TestOperatorStateStore store = new TestOperatorStateStore();
        SinkWriterOperator<String> op = open("slow", subtask, store);
        op.processElement(new StreamRecord<>("a"));
        op.prepareSnapshotPreBarrier(1);
        op.snapshotState(TestOperatorStateStore.snapshotContext(1));

        long start = System.nanoTime();
        op.notifyCheckpointComplete(1);
        assertThat(shared.commitStarted.await(10, TimeUnit.SECONDS)).as("commit started").isTrue();
        for (int i = 0; i < 1000; i++) {
            op.processElement(new StreamRecord<>("b" + i));
        }
        op.prepareSnapshotPreBarrier(2);
        op.snapshotState(TestOperatorStateStore.snapshotContext(2));
        subtask.runMail();
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMillis).as("notify, 1000 records and a checkpoint while a commit sleeps 3 s").isLessThan(1000);
        assertThat(shared.committed).as("the commit is still sleeping").isEmpty();
        assertThat(shared.committerThread).isNotEqualTo(Thread.currentThread().getName());
        assertThat(store.snapshot(2).list(CommitterHandler.STATE_NAME))
                .as("the in-flight committable of checkpoint 1 is still in checkpoint 2").hasSize(2);

        awaitPending(op, subtask, 1);
        assertThat(shared.committed).containsExactly("a");
        op.close();
    }

    @Test
    void restoredCommittablesAreCommittedAndCommitsAreIdempotent() throws Exception {
        Shared shared = shared("restore");
        TestSubtask<Void> subtask = new TestSubtask<>(0, 1);
        TestOperatorStateStore store = new TestOperatorStateStore();
        SinkWriterOperator<String> op = open("restore", subtask, store);
        op.processElement(new StreamRecord<>("x"));
        op.prepareSnapshotPreBarrier(4);
        op.snapshotState(TestOperatorStateStore.snapshotContext(4));
        TestOperatorStateStore.Snapshot snapshot = store.snapshot(4);
        op.processElement(new StreamRecord<>("lost"));
        op.close(); // failed before the notification

        TestSubtask<Void> subtask2 = new TestSubtask<>(0, 1);
        SinkWriterOperator<String> restored = open("restore", subtask2, TestOperatorStateStore.restore(List.of(snapshot), 1, 0));
        awaitPending(restored, subtask2, 0);
        assertThat(shared.committed).containsExactly("x");
        restored.processElement(new StreamRecord<>("y"));
        restored.finish();
        restored.close();
        assertThat(shared.committed).containsExactly("x", "y");
    }

    @Test
    void retryLaterKeepsTheCommittableForTheNextCheckpoint() throws Exception {
        Shared shared = shared("retry");
        shared.retriesLeft = 1;
        TestSubtask<Void> subtask = new TestSubtask<>(0, 1);
        SinkWriterOperator<String> op = open("retry", subtask, new TestOperatorStateStore());
        op.processElement(new StreamRecord<>("r"));
        op.prepareSnapshotPreBarrier(1);
        op.notifyCheckpointComplete(1);
        awaitPending(op, subtask, 1);
        Thread.sleep(50);
        subtask.runMail();
        assertThat(shared.committed).isEmpty();
        op.notifyCheckpointComplete(2);
        awaitPending(op, subtask, 0);
        assertThat(shared.committed).containsExactly("r");
        op.close();
    }

    @Test
    void anUnknownCommitFailureFailsTheTaskThroughItsMailbox() throws Exception {
        Shared shared = shared("fail");
        shared.failUnknown = true;
        TestSubtask<Void> subtask = new TestSubtask<>(0, 1);
        SinkWriterOperator<String> op = open("fail", subtask, new TestOperatorStateStore());
        op.processElement(new StreamRecord<>("z"));
        op.prepareSnapshotPreBarrier(1);
        op.notifyCheckpointComplete(1);
        assertThatThrownBy(() -> Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            subtask.runMail();
            return false;
        })).hasRootCauseMessage("broken store");
        op.close();
    }
}

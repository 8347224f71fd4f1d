package dev.eddy.streaming.api.operators.async;

import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.api.common.state.KeyedStateStore;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.OperatorStateStore;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.state.KeyGroupStatePartitionStreamProvider;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.state.KeyedStateCheckpointOutputStream;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.StateSnapshotContext;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.util.TestProcessingTimeService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives one operator like a task thread whose mailbox other threads may fill: mail is a
 * thread-safe queue, {@code yield} waits for mail (failing after 10 s instead of hanging), processing
 * time is manual, and the operator list state is an in-memory list that {@link #snapshot} copies and
 * {@link #restoreAndOpen} hands to a fresh operator. The test thread is the task thread.
 */
final class AsyncOperatorHarness<IN, OUT> {
    private final OneInputStreamOperator<IN, OUT> operator;
    private final LinkedBlockingQueue<MailboxExecutor.ThrowingRunnable> mail = new LinkedBlockingQueue<>();
    private final TestProcessingTimeService time = new TestProcessingTimeService();
    private final List<Object> output = new ArrayList<>();
    private final MemoryListState state = new MemoryListState();

    AsyncOperatorHarness(OneInputStreamOperator<IN, OUT> operator) {
        this.operator = operator;
        operator.setup(new Parameters());
    }

    AsyncOperatorHarness<IN, OUT> open() throws Exception {
        return restoreAndOpen(null);
    }

    /** initializeState with {@code restored} (null: fresh start) as the list state, then open. */
    AsyncOperatorHarness<IN, OUT> restoreAndOpen(List<byte[]> restored) throws Exception {
        if (restored != null) {
            state.items.addAll(restored);
        }
        operator.initializeState(new InitContext(restored != null));
        operator.open();
        runMail();
        return this;
    }

    void processElement(IN value, long timestamp) throws Exception {
        operator.processElement(new StreamRecord<>(value, timestamp));
        runMail();
    }

    void processElement(IN value) throws Exception {
        operator.processElement(new StreamRecord<>(value));
        runMail();
    }

    void processWatermark(long timestamp) throws Exception {
        operator.processWatermark(new Watermark(timestamp));
        runMail();
    }

    void setProcessingTime(long t) throws Exception {
        time.setCurrentTime(t);
        runMail();
    }

    TestProcessingTimeService processingTime() {
        return time;
    }

    /** Runs the mail queued so far (results completed by the test or other threads). */
    void runMail() throws Exception {
        MailboxExecutor.ThrowingRunnable r;
        while ((r = mail.poll()) != null) {
            r.run();
        }
    }

    /** Runs mail, waiting for more, until {@code done} holds (at most 10 s). */
    void runMailUntil(java.util.function.BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            MailboxExecutor.ThrowingRunnable r = mail.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("Condition not reached within 10 s and no more mail arrived");
            }
            r.run();
        }
    }

    void finish() throws Exception {
        operator.finish();
        runMail();
    }

    void close() throws Exception {
        operator.close();
    }

    /** The operator list state after a synchronous snapshot. */
    List<byte[]> snapshot(long checkpointId) throws Exception {
        operator.snapshotState(new StateSnapshotContext() {
            @Override
            public KeyedStateCheckpointOutputStream getRawKeyedOperatorStateOutput() {
                throw new UnsupportedOperationException("not keyed");
            }

            @Override
            public long getCheckpointId() {
                return checkpointId;
            }

            @Override
            public long getCheckpointTimestamp() {
                return 0;
            }
        });
        return new ArrayList<>(state.items);
    }

    List<Object> getOutput() {
        return output;
    }

    @SuppressWarnings("unchecked")
    List<OUT> outputValues() {
        List<OUT> values = new ArrayList<>();
        for (Object o : output) {
            if (o instanceof StreamRecord) {
                values.add(((StreamRecord<OUT>) o).getValue());
            }
        }
        return values;
    }

    private final class Parameters implements StreamOperatorParameters<OUT> {
        @Override
        public Output<StreamRecord<OUT>> getOutput() {
            return new Output<>() {
                @Override
                public void emitWatermark(Watermark mark) {
                    output.add(mark);
                }

                @Override
                public void collect(StreamRecord<OUT> record) {
                    output.add(record.copy(record.getValue()));
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public RuntimeContext getRuntimeContext() {
            return null;
        }

        @Override
        public ProcessingTimeService getProcessingTimeService() {
            return time;
        }

        @Override
        public MailboxExecutor getMailboxExecutor() {
            return new MailboxExecutor() {
                @Override
                public void execute(ThrowingRunnable command, String description) {
                    mail.add(command);
                }

                @Override
                public void yield() throws Exception {
                    ThrowingRunnable r = mail.poll(10, TimeUnit.SECONDS);
                    if (r == null) {
                        throw new AssertionError("yield() waited 10 s for mail that never came");
                    }
                    r.run();
                }

                @Override
                public boolean tryYield() throws Exception {
                    ThrowingRunnable r = mail.poll();
                    if (r == null) {
                        return false;
                    }
                    r.run();
                    return true;
                }
            };
        }

        @Override
        public KeyedStateBackend<Object> getKeyedStateBackend() {
            return null;
        }

        @Override
        public KeySelector<?, ?> getStateKeySelector(int input) {
            return null;
        }
    }

    private final class InitContext implements StateInitializationContext {
        private final boolean restored;

        InitContext(boolean restored) {
            this.restored = restored;
        }

        @Override
        public Iterable<KeyGroupStatePartitionStreamProvider> getRawKeyedStateInputs() {
            return List.of();
        }

        @Override
        public boolean isRestored() {
            return restored;
        }

        @Override
        @SuppressWarnings("unchecked")
        public OperatorStateStore getOperatorStateStore() {
            return new OperatorStateStore() {
                @Override
                public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
                    if (!AsyncWaitOperator.STATE_NAME.equals(descriptor.getName())) {
                        throw new IllegalArgumentException("unexpected state " + descriptor.getName());
                    }
                    return (ListState<S>) state;
                }

                @Override
                public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) {
                    throw new UnsupportedOperationException("the async operator uses split list state");
                }

                @Override
                public Set<String> getRegisteredStateNames() {
                    return Set.of(AsyncWaitOperator.STATE_NAME);
                }
            };
        }

        @Override
        public KeyedStateStore getKeyedStateStore() {
            return null;
        }
    }

    /** The operator's list state, in memory. */
    private static final class MemoryListState implements ListState<byte[]> {
        final List<byte[]> items = new ArrayList<>();

        @Override
        public Iterable<byte[]> get() {
            return new ArrayList<>(items);
        }

        @Override
        public void add(byte[] value) {
            items.add(value);
        }

        @Override
        public void update(List<byte[]> values) {
            items.clear();
            items.addAll(values);
        }

        @Override
        public void addAll(List<byte[]> values) {
            items.addAll(values);
        }

        @Override
        public void clear() {
            items.clear();
        }
    }
}

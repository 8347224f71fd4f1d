package dev.eddy.streaming.util;

import dev.eddy.api.common.JobID;
import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.api.common.state.AggregatingState;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives one operator the way a task would, on the calling thread. Hostile defaults: the operator
 * is cloned through Java serialization before setup (like the prototype in a job graph), every
 * input value is a fresh Java-serialization copy, and the output records are copied because
 * operators reuse them. Keyed operators get a map-backed {@link TestKeyedStateBackend}.
 */
public class OneInputStreamOperatorTestHarness<IN, OUT> {
    private final OneInputStreamOperator<IN, OUT> operator;
    private final KeySelector<IN, ?> keySelector;
    private final int maxParallelism;
    private final int parallelism;
    private final int subtaskIndex;
    private final List<Object> output = new ArrayList<>();
    private final TestProcessingTimeService processingTime = new TestProcessingTimeService();
    private final ArrayDeque<MailboxExecutor.ThrowingRunnable> mail = new ArrayDeque<>();
    private final TestKeyedStateBackend backend;
    private OperatorLifecycle state = OperatorLifecycle.CREATED;
    private boolean copyInputs = true;

    public OneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator) {
        this(operator, null, 128, 1, 0);
    }

    public OneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator, int parallelism, int subtaskIndex) {
        this(operator, null, 128, parallelism, subtaskIndex);
    }

    protected OneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator, KeySelector<IN, ?> keySelector,
            int maxParallelism, int parallelism, int subtaskIndex) {
        this.operator = TestTypes.javaCopy(operator);
        this.keySelector = keySelector == null ? null : TestTypes.javaCopy(keySelector);
        this.maxParallelism = maxParallelism;
        this.parallelism = parallelism;
        this.subtaskIndex = subtaskIndex;
        this.backend = keySelector == null ? null : new TestKeyedStateBackend(maxParallelism,
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex));
    }

    /** Passes input values as they are instead of copies (for non-serializable test values). */
    public OneInputStreamOperatorTestHarness<IN, OUT> withoutInputCopies() {
        copyInputs = false;
        return this;
    }

    /** The operator under test (the clone, not the object passed in). */
    public OneInputStreamOperator<IN, OUT> getOperator() {
        return operator;
    }

    public TestKeyedStateBackend getKeyedStateBackend() {
        return backend;
    }

    public void setup() {
        state = state.transitionTo(OperatorLifecycle.SET_UP);
        operator.setup(new Parameters());
    }

    /** Sets up (if not done yet) and opens the operator. */
    public void open() throws Exception {
        if (state == OperatorLifecycle.CREATED) {
            setup();
        }
        state = state.transitionTo(OperatorLifecycle.OPEN);
        operator.open();
    }

    public OperatorLifecycle getLifecycleState() {
        return state;
    }

    public void processElement(IN value) throws Exception {
        processElement(new StreamRecord<>(copy(value)));
    }

    public void processElement(IN value, long timestamp) throws Exception {
        processElement(new StreamRecord<>(copy(value), timestamp));
    }

    public void processElement(StreamRecord<IN> record) throws Exception {
        requireOpen();
        if (keySelector != null) {
            operator.setKeyContextElement(record);
        }
        operator.processElement(record);
        runMail();
    }

    public void processWatermark(long timestamp) throws Exception {
        processWatermark(new Watermark(timestamp));
    }

    public void processWatermark(Watermark mark) throws Exception {
        requireOpen();
        operator.processWatermark(mark);
        runMail();
    }

    /** Advances the processing-time clock, firing due timers. */
    public void setProcessingTime(long time) throws Exception {
        requireOpen();
        processingTime.setCurrentTime(time);
        runMail();
    }

    public TestProcessingTimeService getProcessingTimeService() {
        return processingTime;
    }

    /** Signals end of input: calls finish. */
    public void endInput() throws Exception {
        finish();
    }

    public void finish() throws Exception {
        state = state.transitionTo(OperatorLifecycle.FINISHED);
        operator.finish();
        runMail();
    }

    public void close() throws Exception {
        state = state.transitionTo(OperatorLifecycle.CLOSED);
        operator.close();
    }

    /** Everything emitted so far: StreamRecord copies, Watermarks and WatermarkStatuses, in order. */
    public List<Object> getOutput() {
        return output;
    }

    @SuppressWarnings("unchecked")
    public List<OUT> extractOutputValues() {
        List<OUT> values = new ArrayList<>();
        for (Object o : output) {
            if (o instanceof StreamRecord) {
                values.add(((StreamRecord<OUT>) o).getValue());
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    public List<StreamRecord<OUT>> extractOutputStreamRecords() {
        List<StreamRecord<OUT>> records = new ArrayList<>();
        for (Object o : output) {
            if (o instanceof StreamRecord) {
                records.add((StreamRecord<OUT>) o);
            }
        }
        return records;
    }

    public List<Watermark> extractWatermarks() {
        List<Watermark> marks = new ArrayList<>();
        for (Object o : output) {
            if (o instanceof Watermark) {
                marks.add((Watermark) o);
            }
        }
        return marks;
    }

    private IN copy(IN value) {
        return copyInputs && value instanceof Serializable ? TestTypes.javaCopy(value) : value;
    }

    private void requireOpen() {
        if (!state.acceptsInput()) {
            throw new IllegalStateException("The operator accepts input only while open; it is " + state);
        }
    }

    private void runMail() throws Exception {
        MailboxExecutor.ThrowingRunnable r;
        while ((r = mail.poll()) != null) {
            r.run();
        }
    }

    private final class Parameters implements StreamOperatorParameters<OUT> {
        private final TestRuntimeContext runtimeContext = new TestRuntimeContext();

        @Override
        public Output<StreamRecord<OUT>> getOutput() {
            return new Output<StreamRecord<OUT>>() {
                @Override
                public void emitWatermark(Watermark mark) {
                    output.add(mark);
                }

                @Override
                public void emitWatermarkStatus(dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus status) {
                    output.add(status);
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
            return runtimeContext;
        }

        @Override
        public ProcessingTimeService getProcessingTimeService() {
            return processingTime;
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
                    tryYield();
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
            return backend;
        }

        @Override
        public KeySelector<?, ?> getStateKeySelector(int input) {
            return input == 0 ? keySelector : null;
        }
    }

    private final class TestRuntimeContext implements RuntimeContext {
        private final JobID jobId = JobID.generate();

        @Override
        public JobInfo getJobInfo() {
            return new JobInfo() {
                @Override
                public JobID getJobId() {
                    return jobId;
                }

                @Override
                public String getJobName() {
                    return "test job";
                }
            };
        }

        @Override
        public TaskInfo getTaskInfo() {
            return new TaskInfo() {
                @Override
                public String getTaskName() {
                    return "test task";
                }

                @Override
                public int getMaxNumberOfParallelSubtasks() {
                    return maxParallelism;
                }

                @Override
                public int getIndexOfThisSubtask() {
                    return subtaskIndex;
                }

                @Override
                public int getNumberOfParallelSubtasks() {
                    return parallelism;
                }

                @Override
                public int getAttemptNumber() {
                    return 0;
                }

                @Override
                public String getTaskNameWithSubtasks() {
                    return "test task (" + (subtaskIndex + 1) + "/" + parallelism + ")#0";
                }

                @Override
                public String getAllocationIDAsString() {
                    return "test-allocation";
                }
            };
        }

        @Override
        public ClassLoader getUserCodeClassLoader() {
            return getClass().getClassLoader();
        }

        @Override
        public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
            return keyedState(stateProperties);
        }

        @Override
        public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
            return keyedState(stateProperties);
        }

        @Override
        public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
            return keyedState(stateProperties);
        }

        @Override
        public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
            return keyedState(stateProperties);
        }

        @Override
        public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
            return keyedState(stateProperties);
        }

        private <S extends State> S keyedState(StateDescriptor<S, ?> stateProperties) {
            if (backend == null) {
                throw new UnsupportedOperationException("Keyed state is only available on keyed streams: use keyBy() first");
            }
            return backend.getPartitionedState(stateProperties);
        }
    }
}

package dev.eddy.streaming.api.environment;

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
import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.dag.Pipeline;
import dev.eddy.api.dag.SourceTransformation;
import dev.eddy.api.dag.Transformation;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import dev.eddy.streaming.api.operators.SourceOperator;
import dev.eddy.streaming.api.operators.StreamOperator;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.util.TestKeyedStateBackend;
import dev.eddy.streaming.util.TestTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;

/**
 * Runs a pipeline that is one chain (source, operators, one sink; partitioning ignored) with
 * parallelism 1 on the calling thread, with prototypes cloned by Java serialization. Test only.
 */
final class LinearPipelineRunner {
    private final Pipeline pipeline;
    private final BooleanSupplier cancelled;
    private final java.util.function.Consumer<Runnable> cancelHook;

    LinearPipelineRunner(Pipeline pipeline, BooleanSupplier cancelled, java.util.function.Consumer<Runnable> cancelHook) {
        this.pipeline = pipeline;
        this.cancelled = cancelled;
        this.cancelHook = cancelHook;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void run() throws Exception {
        List<Transformation<?>> chain = chainEndingAt(sink());
        SourceOperator<Object> source = TestTypes.javaCopy((SourceOperator<Object>) ((SourceTransformation<?>) chain.get(0)).getOperator());
        List<OneInputStreamOperator<Object, Object>> ops = new ArrayList<>();
        List<KeySelector<Object, ?>> keys = new ArrayList<>();
        for (Transformation<?> t : chain.subList(1, chain.size())) {
            OneInputTransformation<Object, Object> one = (OneInputTransformation<Object, Object>) t;
            ops.add(TestTypes.javaCopy(one.getOperator()));
            keys.add(one.getStateKeySelector() == null ? null : (KeySelector<Object, ?>) TestTypes.javaCopy((java.io.Serializable) one.getStateKeySelector()));
        }
        List<StreamOperator<?>> all = new ArrayList<>();
        all.add(source);
        all.addAll(ops);
        Output<StreamRecord<Object>> next = new Output<>() {
            @Override
            public void emitWatermark(Watermark mark) {}

            @Override
            public void collect(StreamRecord<Object> record) {}

            @Override
            public void close() {}
        };
        for (int i = ops.size() - 1; i >= 0; i--) {
            ops.get(i).setup(new Params(next, keys.get(i)));
            next = chained(ops.get(i), keys.get(i) != null);
        }
        source.setup(new Params(next, null));
        cancelHook.accept(source::cancel);
        if (cancelled.getAsBoolean()) {
            source.cancel();
        }
        try {
            for (int i = all.size() - 1; i >= 0; i--) {
                all.get(i).open();
            }
            source.run(new SourceOperator.SourceContextControl() {
                @Override
                public void checkpointOrYield() {}

                @Override
                public boolean isCancelled() {
                    return cancelled.getAsBoolean();
                }
            });
            for (StreamOperator<?> op : all) {
                op.finish();
            }
        } finally {
            for (StreamOperator<?> op : all) {
                op.close();
            }
        }
    }

    private static Output<StreamRecord<Object>> chained(OneInputStreamOperator<Object, Object> op, boolean keyed) {
        return new Output<>() {
            @Override
            public void emitWatermark(Watermark mark) {
                try {
                    op.processWatermark(mark);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }

            @Override
            public void collect(StreamRecord<Object> record) {
                try {
                    if (keyed) {
                        op.setKeyContextElement(record);
                    }
                    op.processElement(record);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }

            @Override
            public void close() {}
        };
    }

    private Transformation<?> sink() {
        List<Transformation<?>> candidates = new ArrayList<>(pipeline.getTransformations());
        for (Transformation<?> t : pipeline.getTransformations()) {
            candidates.removeAll(inputsOf(t));
        }
        if (candidates.size() != 1) {
            throw new IllegalArgumentException("The test runner runs exactly one chain, found ends " + candidates);
        }
        return candidates.get(0);
    }

    private static List<Transformation<?>> inputsOf(Transformation<?> t) {
        List<Transformation<?>> result = new ArrayList<>();
        for (Transformation<?> in : t.getInputs()) {
            result.add(in);
            result.addAll(inputsOf(in));
        }
        return result;
    }

    private static List<Transformation<?>> chainEndingAt(Transformation<?> end) {
        List<Transformation<?>> chain = new ArrayList<>();
        Transformation<?> t = end;
        while (true) {
            if (t instanceof SourceTransformation || t instanceof OneInputTransformation) {
                chain.add(t);
            }
            if (t.getInputs().isEmpty()) {
                break;
            }
            if (t.getInputs().size() != 1) {
                throw new IllegalArgumentException("The test runner does not support " + t);
            }
            t = t.getInputs().get(0);
        }
        Collections.reverse(chain);
        return chain;
    }

    private final class Params implements StreamOperatorParameters<Object> {
        private final Output<StreamRecord<Object>> output;
        private final KeySelector<Object, ?> key;
        private final TestKeyedStateBackend backend;

        Params(Output<StreamRecord<Object>> output, KeySelector<Object, ?> key) {
            this.output = output;
            this.key = key;
            this.backend = key == null ? null : new TestKeyedStateBackend(128, KeyGroupRange.of(0, 127));
        }

        @Override
        public Output<StreamRecord<Object>> getOutput() {
            return output;
        }

        @Override
        public RuntimeContext getRuntimeContext() {
            return new RuntimeContext() {
                @Override
                public JobInfo getJobInfo() {
                    JobID id = JobID.generate();
                    return new JobInfo() {
                        @Override
                        public JobID getJobId() {
                            return id;
                        }

                        @Override
                        public String getJobName() {
                            return pipeline.getJobName();
                        }
                    };
                }

                @Override
                public TaskInfo getTaskInfo() {
                    return new TaskInfo() {
                        @Override
                        public String getTaskName() {
                            return "task";
                        }

                        @Override
                        public int getMaxNumberOfParallelSubtasks() {
                            return 128;
                        }

                        @Override
                        public int getIndexOfThisSubtask() {
                            return 0;
                        }

                        @Override
                        public int getNumberOfParallelSubtasks() {
                            return 1;
                        }

                        @Override
                        public int getAttemptNumber() {
                            return 0;
                        }

                        @Override
                        public String getTaskNameWithSubtasks() {
                            return "task (1/1)#0";
                        }

                        @Override
                        public String getAllocationIDAsString() {
                            return "a";
                        }
                    };
                }

                @Override
                public ClassLoader getUserCodeClassLoader() {
                    return LinearPipelineRunner.class.getClassLoader();
                }

                @Override
                public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
                    return backend.getPartitionedState(stateProperties);
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
                    return backend.getPartitionedState(stateProperties);
                }
            };
        }

        @Override
        public ProcessingTimeService getProcessingTimeService() {
            return new ProcessingTimeService() {
                @Override
                public long getCurrentProcessingTime() {
                    return System.currentTimeMillis();
                }

                @Override
                public ScheduledFuture<?> registerTimer(long time, ProcessingTimeCallback callback) {
                    throw new UnsupportedOperationException("no timers in the test runner");
                }
            };
        }

        @Override
        public MailboxExecutor getMailboxExecutor() {
            return null;
        }

        @Override
        public KeyedStateBackend<Object> getKeyedStateBackend() {
            return backend;
        }

        @Override
        public KeySelector<?, ?> getStateKeySelector(int input) {
            return input == 0 ? key : null;
        }
    }
}

package dev.eddy.connector.testing;

import dev.eddy.api.common.JobID;
import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import dev.eddy.streaming.api.operators.SourceOperator;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One fake subtask for driving an operator on the test thread: collects output (records copied,
 * watermarks, in order), runs mail, and keeps a manual processing-time clock whose timers fire
 * when time is advanced (or on {@code checkpointOrYield}).
 */
public final class TestSubtask<OUT> {
    public final int index;
    public final int parallelism;
    /** StreamRecord copies and Watermarks in emission order. */
    public final List<Object> events = new ArrayList<>();
    private final java.util.Queue<MailboxExecutor.ThrowingRunnable> mail = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long now;
    private long timerSequence;
    private int yields;
    private int maxYields = 5_000_000;
    private volatile boolean cancelled;
    private Runnable onYield = () -> {};
    private Runnable onRecord = () -> {};
    private dev.eddy.runtime.operators.coordination.OperatorEventGateway operatorEventGateway;

    public TestSubtask(int index, int parallelism) {
        this.index = index;
        this.parallelism = parallelism;
    }

    public TestSubtask(int index, int parallelism, long startTime) {
        this(index, parallelism);
        this.now = startTime;
    }

    // ---------------------------------------------------------------- output

    public List<OUT> values() {
        List<OUT> values = new ArrayList<>();
        for (StreamRecord<OUT> r : records()) {
            values.add(r.getValue());
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    public List<StreamRecord<OUT>> records() {
        List<StreamRecord<OUT>> records = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof StreamRecord) {
                records.add((StreamRecord<OUT>) e);
            }
        }
        return records;
    }

    public List<Watermark> watermarks() {
        List<Watermark> marks = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof Watermark) {
                marks.add((Watermark) e);
            }
        }
        return marks;
    }

    // ---------------------------------------------------------------- time and mail

    public long now() {
        return now;
    }

    /** Moves the clock forward and fires the timers now due, in time order. */
    public void advanceTime(long to) throws Exception {
        now = Math.max(now, to);
        fireDueTimers();
    }

    public void fireDueTimers() throws Exception {
        Timer t;
        while ((t = timers.peek()) != null && t.time <= now) {
            timers.poll();
            if (!t.cancelled) {
                t.done = true;
                t.callback.onProcessingTime(t.time);
            }
        }
    }

    public int pendingTimers() {
        int n = 0;
        for (Timer t : timers) {
            n += t.cancelled ? 0 : 1;
        }
        return n;
    }

    /** Queues mail as another thread (or a test coordinator) would. */
    public void addMail(MailboxExecutor.ThrowingRunnable m) {
        mail.add(m);
    }

    /** The gateway the operator gets from {@code getOperatorEventGateway()}. */
    public TestSubtask<OUT> withOperatorEventGateway(dev.eddy.runtime.operators.coordination.OperatorEventGateway gateway) {
        this.operatorEventGateway = gateway;
        return this;
    }

    public boolean hasOperatorEventGateway() {
        return operatorEventGateway != null;
    }

    public void runMail() throws Exception {
        MailboxExecutor.ThrowingRunnable m;
        while ((m = mail.poll()) != null) {
            m.run();
        }
    }

    /** Runs on every checkpointOrYield (after mail and due timers). */
    public TestSubtask<OUT> onYield(Runnable hook) {
        this.onYield = hook;
        return this;
    }

    /** Runs after each record is collected, on the emitting thread (a legacy source's own thread, under its lock). */
    public TestSubtask<OUT> onRecord(Runnable hook) {
        this.onRecord = hook;
        return this;
    }

    public TestSubtask<OUT> maxYields(int max) {
        this.maxYields = max;
        return this;
    }

    public int yields() {
        return yields;
    }

    public void cancelTask() {
        cancelled = true;
    }

    public SourceOperator.SourceContextControl control() {
        return new SourceOperator.SourceContextControl() {
            @Override
            public void checkpointOrYield() throws Exception {
                if (++yields > maxYields) {
                    throw new AssertionError("Source yielded " + maxYields + " times without ending: it does not stop");
                }
                runMail();
                fireDueTimers();
                onYield.run();
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }

            @Override
            public boolean hasMail() {
                return !mail.isEmpty();
            }

            /** Parks until mail is queued or {@code wakeUp} completes, at most 1 ms (so onYield hooks run regularly). */
            @Override
            public void awaitMailOr(java.util.concurrent.CompletableFuture<?> wakeUp) {
                long deadline = System.nanoTime() + 1_000_000L;
                while (mail.isEmpty() && !wakeUp.isDone() && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000L);
                }
            }
        };
    }

    // ---------------------------------------------------------------- parameters

    public StreamOperatorParameters<OUT> parameters() {
        return Fakes.implement(StreamOperatorParameters.class, new ParametersImpl());
    }

    private final class ParametersImpl {
        public Output<StreamRecord<OUT>> getOutput() {
            return Fakes.implement(Output.class, new OutputImpl());
        }

        public RuntimeContext getRuntimeContext() {
            return Fakes.implement(RuntimeContext.class, new RuntimeContextImpl());
        }

        public ProcessingTimeService getProcessingTimeService() {
            return Fakes.implement(ProcessingTimeService.class, new TimeServiceImpl());
        }

        public MailboxExecutor getMailboxExecutor() {
            return Fakes.implement(MailboxExecutor.class, new MailboxImpl());
        }

        public dev.eddy.runtime.state.KeyedStateBackend<Object> getKeyedStateBackend() {
            return null;
        }

        public dev.eddy.api.java.functions.KeySelector<?, ?> getStateKeySelector(int input) {
            return null;
        }

        public dev.eddy.runtime.operators.coordination.OperatorEventGateway getOperatorEventGateway() {
            return operatorEventGateway;
        }
    }

    private final class OutputImpl {
        public void collect(Object record) {
            StreamRecord<?> r = (StreamRecord<?>) record;
            events.add(copy(r));
            onRecord.run();
        }

        public void emitWatermark(Watermark mark) {
            events.add(mark);
        }

        public void close() {}

        private <T> StreamRecord<T> copy(StreamRecord<T> r) {
            return r.copy(r.getValue());
        }
    }

    private final class RuntimeContextImpl {
        public TaskInfo getTaskInfo() {
            return Fakes.implement(TaskInfo.class, new TaskInfoImpl());
        }

        public JobInfo getJobInfo() {
            return Fakes.implement(JobInfo.class, new Object() {
                public String getJobName() {
                    return "test-job";
                }
            });
        }

        public ClassLoader getUserCodeClassLoader() {
            return TestSubtask.class.getClassLoader();
        }
    }

    private final class TaskInfoImpl {
        public String getTaskName() {
            return "test-task";
        }

        public int getMaxNumberOfParallelSubtasks() {
            return 128;
        }

        public int getIndexOfThisSubtask() {
            return index;
        }

        public int getNumberOfParallelSubtasks() {
            return parallelism;
        }

        public int getAttemptNumber() {
            return 0;
        }

        public String getTaskNameWithSubtasks() {
            return "test-task (" + (index + 1) + "/" + parallelism + ")#0";
        }
    }

    private final class TimeServiceImpl {
        public long getCurrentProcessingTime() {
            return now;
        }

        public ScheduledFuture<?> registerTimer(long time, ProcessingTimeService.ProcessingTimeCallback callback) {
            Timer t = new Timer(time, timerSequence++, callback);
            timers.add(t);
            return t;
        }
    }

    private final class MailboxImpl {
        public void execute(MailboxExecutor.ThrowingRunnable command, String description) {
            mail.add(command);
        }

        public boolean tryYield() throws Exception {
            MailboxExecutor.ThrowingRunnable m = mail.poll();
            if (m == null) {
                return false;
            }
            m.run();
            return true;
        }
    }

    private static final class Timer implements ScheduledFuture<Object> {
        final long time;
        final long sequence;
        final ProcessingTimeService.ProcessingTimeCallback callback;
        boolean cancelled;
        boolean done;

        Timer(long time, long sequence, ProcessingTimeService.ProcessingTimeCallback callback) {
            this.time = time;
            this.sequence = sequence;
            this.callback = callback;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            Timer other = (Timer) o;
            int c = Long.compare(time, other.time);
            return c != 0 ? c : Long.compare(sequence, other.sequence);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return !done;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}

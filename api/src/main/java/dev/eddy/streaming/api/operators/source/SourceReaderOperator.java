package dev.eddy.streaming.api.operators.source;

import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.common.eventtime.NoWatermarksGenerator;
import dev.eddy.api.common.eventtime.TimestampAssigner;
import dev.eddy.api.common.eventtime.WatermarkGenerator;
import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.connector.source.Source;
import dev.eddy.api.connector.source.SourceEvent;
import dev.eddy.api.connector.source.SourceReader;
import dev.eddy.api.connector.source.SourceReaderContext;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.core.io.InputStatus;
import dev.eddy.runtime.operators.coordination.OperatorEvent;
import dev.eddy.runtime.operators.coordination.OperatorEventGateway;
import dev.eddy.runtime.operators.coordination.OperatorEventHandler;
import dev.eddy.runtime.source.event.AddSplitEvent;
import dev.eddy.runtime.source.event.NoMoreSplitsEvent;
import dev.eddy.runtime.source.event.ReaderRegistrationEvent;
import dev.eddy.runtime.source.event.RequestSplitEvent;
import dev.eddy.runtime.source.event.SourceEventWrapper;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.StateSnapshotContext;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import dev.eddy.streaming.api.operators.SourceOperator;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Source}'s {@link SourceReader} in a source task, assigns timestamps and generates
 * watermarks with the {@link WatermarkStrategy}.
 *
 * <p><b>Split enumeration.</b> The source's {@code SplitEnumerator} runs once per source on the
 * JobManager, in its source coordinator. This operator talks to it through the
 * {@link OperatorEventGateway} of its parameters: at {@link #open()} it registers its reader
 * ({@link ReaderRegistrationEvent}) and starts it; the reader's split requests and custom
 * {@link SourceEvent}s go out as {@link RequestSplitEvent} and {@link SourceEventWrapper}. The
 * coordinator's answers arrive as mail through {@link #handleOperatorEvent}: {@link AddSplitEvent}
 * (splits written with the source's split serializer) becomes {@code reader.addSplits},
 * {@link NoMoreSplitsEvent} {@code reader.notifyNoMoreSplits}, a wrapped source event
 * {@code reader.handleSourceEvents}.
 *
 * <p><b>Checkpoints.</b> {@link #snapshotState} stores {@code reader.snapshotState(id)} (the splits
 * with their progress, serialized with the source's split serializer) in split-distributed
 * operator list state (see {@link SourceReaderStateHandler}). A restored subtask gives its share
 * of the stored splits to the reader before {@code start()}. Which splits the enumerator still
 * has to hand out is the enumerator's own checkpoint, kept by the JobManager. Snapshots run from
 * {@code checkpointOrYield} between two {@code pollNext} calls, so they never split a record.
 * Checkpoint notifications are forwarded to the reader.
 *
 * <p><b>Threading and lifecycle.</b> {@link #setup}, {@link #initializeState}, {@link #open}, {@link #run},
 * {@link #finish} and {@link #close} are called by the task thread in that order; {@link #cancel()} from any
 * thread, and it only sets a flag; {@link #handleOperatorEvent} on the task thread (as mail) after
 * {@link #open}. {@code run} polls the reader; it yields to the task's mailbox
 * at least every {@value #RECORDS_PER_YIELD} records and whenever the reader has nothing, then
 * waits on the reader's availability future in short timed waits, processing mail in between. It
 * returns at the end of input (after emitting {@code Watermark.MAX_WATERMARK}) or on
 * cancellation. Periodic watermarks are emitted every {@code pipeline.auto-watermark-interval}
 * (default 200 ms; 0 disables them) from processing-time timers.
 */
public class SourceReaderOperator<T> implements SourceOperator<T>, OperatorEventHandler,
        dev.eddy.streaming.runtime.watermarkstatus.WatermarkProgressProvider {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SourceReaderOperator.class);
    static final int RECORDS_PER_YIELD = 256;
    private static final long AVAILABILITY_WAIT_MILLIS = 1;

    private final Source<T, ?, ?> source;
    private final WatermarkStrategy<T> watermarkStrategy;
    private long autoWatermarkIntervalMillis;

    private transient volatile boolean cancelled;
    private transient StreamOperatorParameters<T> parameters;
    private transient SourceReaderLifecycle lifecycle;
    private transient Runner<?> runner;
    private transient volatile SourceOutputImpl<T> output;
    private transient ScheduledFuture<?> watermarkTimer;
    private transient SourceReaderStateHandler stateHandler;

    public SourceReaderOperator(Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy) {
        this(source, watermarkStrategy, 200);
    }

    public SourceReaderOperator(Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy,
            long autoWatermarkIntervalMillis) {
        if (source == null) {
            throw new IllegalArgumentException("source must not be null");
        }
        this.source = source;
        this.watermarkStrategy = watermarkStrategy == null ? WatermarkStrategy.noWatermarks() : watermarkStrategy;
        setAutoWatermarkInterval(Duration.ofMillis(autoWatermarkIntervalMillis));
    }

    /** The periodic watermark interval; zero means none. */
    public Duration getAutoWatermarkInterval() {
        return Duration.ofMillis(autoWatermarkIntervalMillis);
    }

    /** Sets the periodic watermark interval ({@code pipeline.auto-watermark-interval}); zero disables it. */
    public void setAutoWatermarkInterval(Duration interval) {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("auto-watermark interval must be zero or positive, was " + interval);
        }
        this.autoWatermarkIntervalMillis = interval.toMillis();
    }

    public Source<T, ?, ?> getSource() {
        return source;
    }

    public WatermarkStrategy<T> getWatermarkStrategy() {
        return watermarkStrategy;
    }

    @Override
    public void setup(StreamOperatorParameters<T> parameters) {
        lifecycle = new SourceReaderLifecycle();
        lifecycle.moveTo(SourceReaderLifecycle.State.SET_UP);
        this.parameters = parameters;
    }

    /**
     * Obtains the operator state of the reader (see {@link SourceReaderStateHandler}); on restore
     * reads the splits this subtask continues with. Task thread, after setup, before open.
     */
    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        if (requireLifecycle().state() != SourceReaderLifecycle.State.SET_UP) {
            throw new IllegalStateException("SourceReaderOperator for " + source + " cannot initialize state in state "
                    + lifecycle.state() + ": initializeState comes once, after setup and before open");
        }
        stateHandler = SourceReaderStateHandler.initialize(context);
    }

    /** Stores the reader's remaining splits. Task thread, between records. */
    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        if (stateHandler == null) {
            throw new IllegalStateException("SourceReaderOperator for " + source
                    + " snapshotted without initializeState(): the task must initialize operator state before open");
        }
        if (runner != null) {
            runner.snapshot(context.getCheckpointId());
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (runner != null && runner.reader != null) {
            runner.reader.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        if (runner != null && runner.reader != null) {
            runner.reader.notifyCheckpointAborted(checkpointId);
        }
    }

    @Override
    public void open() throws Exception {
        requireLifecycle().moveTo(SourceReaderLifecycle.State.OPEN);
        if (stateHandler == null) {
            stateHandler = SourceReaderStateHandler.stateless();
        }
        TimestampAssigner<T> assigner = watermarkStrategy.createTimestampAssigner(new Contexts());
        WatermarkGenerator<T> generator = watermarkStrategy.createWatermarkGenerator(new Contexts());
        output = new SourceOutputImpl<>(parameters.getOutput(), assigner, () -> watermarkStrategy.createWatermarkGenerator(new Contexts()));
        if (parameters.getJobConfiguration().contains(dev.eddy.configuration.PipelineOptions.AUTO_WATERMARK_INTERVAL)) {
            setAutoWatermarkInterval(parameters.getJobConfiguration().get(dev.eddy.configuration.PipelineOptions.AUTO_WATERMARK_INTERVAL));
        }
        runner = createRunner(source);
        runner.open();
        if (autoWatermarkIntervalMillis > 0 && !(generator instanceof NoWatermarksGenerator)) {
            schedulePeriodicWatermark(parameters.getProcessingTimeService());
        }
    }

    private <SplitT extends SourceSplit> Runner<SplitT> createRunner(Source<T, SplitT, ?> typedSource) {
        return new Runner<>(typedSource);
    }

    private void schedulePeriodicWatermark(ProcessingTimeService timeService) {
        long next = timeService.getCurrentProcessingTime() + autoWatermarkIntervalMillis;
        watermarkTimer = timeService.registerTimer(next, time -> {
            if (lifecycle.isRunningOrOpen()) {
                output.emitPeriodicWatermark();
                schedulePeriodicWatermark(timeService);
            }
        });
    }

    @Override
    public void run(SourceContextControl control) throws Exception {
        requireLifecycle().moveTo(SourceReaderLifecycle.State.RUNNING);
        InputStatus status = InputStatus.MORE_AVAILABLE;
        int sinceYield = 0;
        while (!isCancelled(control)) {
            status = runner.reader.pollNext(output);
            if (status == InputStatus.END_OF_INPUT) {
                break;
            } else if (status == InputStatus.NOTHING_AVAILABLE) {
                control.checkpointOrYield();
                sinceYield = 0;
                waitUntilAvailable(control);
            } else if (++sinceYield >= RECORDS_PER_YIELD) {
                control.checkpointOrYield();
                sinceYield = 0;
            }
        }
        if (status == InputStatus.END_OF_INPUT && !isCancelled(control)) {
            output.emitFinalWatermark();
            lifecycle.moveTo(SourceReaderLifecycle.State.END_OF_INPUT);
            LOG.debug("Source {} reached the end of its input after {} records", source, output.recordsEmitted());
        } else {
            lifecycle.moveTo(SourceReaderLifecycle.State.CANCELLED);
        }
    }

    private void waitUntilAvailable(SourceContextControl control) throws Exception {
        CompletableFuture<Void> available = runner.reader.isAvailable();
        while (!available.isDone() && !isCancelled(control)) {
            control.checkpointOrYield();
            if (available.isDone()) {
                return;
            }
            try {
                available.get(AVAILABILITY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Not yet: go round, letting the task process mail.
            } catch (ExecutionException e) {
                return; // the next pollNext reports the reader's failure
            }
        }
    }

    private boolean isCancelled(SourceContextControl control) {
        return cancelled || control.isCancelled();
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    /** Per-split watermarks as last published by the reader output (empty before open). Any thread. */
    @Override
    public List<dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress> getWatermarkProgress() {
        SourceOutputImpl<T> o = output;
        return o == null ? List.of() : o.getWatermarkProgress();
    }

    @Override
    public void finish() {
        requireLifecycle().moveTo(SourceReaderLifecycle.State.FINISHED);
    }

    @Override
    public void close() throws Exception {
        if (lifecycle == null) {
            return;
        }
        lifecycle.moveTo(SourceReaderLifecycle.State.CLOSED);
        if (watermarkTimer != null) {
            watermarkTimer.cancel(false);
        }
        if (runner != null) {
            runner.close();
        }
    }

    private SourceReaderLifecycle requireLifecycle() {
        if (lifecycle == null) {
            throw new IllegalStateException("SourceReaderOperator for " + source + " used before setup()");
        }
        return lifecycle;
    }

    /**
     * Events from the source coordinator, as mail on the task thread after {@link #open()}: splits,
     * "no more splits" and custom source events for the reader.
     */
    @Override
    public void handleOperatorEvent(OperatorEvent event) throws Exception {
        if (runner == null || runner.reader == null) {
            throw new IllegalStateException("SourceReaderOperator for " + source + " got " + event.getClass().getSimpleName()
                    + " before open(); the coordinator answers only registered readers");
        }
        runner.handle(event);
    }

    /** The reader of one split type and its link to the coordinator. Task thread only. */
    private final class Runner<SplitT extends SourceSplit> {
        private final Source<T, SplitT, ?> typedSource;
        private SourceReader<T, SplitT> reader;
        private OperatorEventGateway coordinator;

        Runner(Source<T, SplitT, ?> typedSource) {
            this.typedSource = typedSource;
        }

        void open() throws Exception {
            TaskInfo taskInfo = parameters.getRuntimeContext().getTaskInfo();
            int index = taskInfo.getIndexOfThisSubtask();
            coordinator = parameters.getOperatorEventGateway();
            if (coordinator == null) {
                throw new IllegalStateException("SourceReaderOperator for " + source + " (subtask " + index + ") has no "
                        + "operator event gateway to its split enumerator; the runtime must provide one in the operator parameters");
            }
            String host = localHostName();
            reader = typedSource.createReader(new ReaderContext(taskInfo, host, coordinator));
            List<SplitT> restoredSplits = stateHandler.hasRestoredSplits()
                    ? stateHandler.restoredSplits(typedSource.getSplitSerializer()) : List.of();
            if (!restoredSplits.isEmpty()) {
                reader.addSplits(restoredSplits);
            }
            coordinator.sendEventToCoordinator(new ReaderRegistrationEvent(index, host));
            reader.start();
        }

        void handle(OperatorEvent event) throws Exception {
            if (event instanceof AddSplitEvent add) {
                reader.addSplits(add.splits(typedSource.getSplitSerializer()));
            } else if (event instanceof NoMoreSplitsEvent) {
                reader.notifyNoMoreSplits();
            } else if (event instanceof SourceEventWrapper wrapper) {
                reader.handleSourceEvents(wrapper.sourceEvent());
            } else {
                throw new IllegalArgumentException("SourceReaderOperator for " + source + " cannot handle "
                        + event.getClass().getName() + " from its coordinator");
            }
        }

        void snapshot(long checkpointId) throws Exception {
            List<SplitT> splits = reader == null ? List.of() : reader.snapshotState(checkpointId);
            stateHandler.snapshot(typedSource.getSplitSerializer(), splits);
        }

        void close() throws Exception {
            if (reader != null) {
                reader.close();
            }
        }
    }

    private static String localHostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isEmpty() ? "localhost" : host;
    }

    /** The reader's view of this subtask. */
    private final class ReaderContext implements SourceReaderContext {
        private final TaskInfo taskInfo;
        private final String host;
        private final OperatorEventGateway coordinator;

        ReaderContext(TaskInfo taskInfo, String host, OperatorEventGateway coordinator) {
            this.taskInfo = taskInfo;
            this.host = host;
            this.coordinator = coordinator;
        }

        @Override
        public int getIndexOfSubtask() {
            return taskInfo.getIndexOfThisSubtask();
        }

        @Override
        public int currentParallelism() {
            return taskInfo.getNumberOfParallelSubtasks();
        }

        @Override
        public TaskInfo getTaskInfo() {
            return taskInfo;
        }

        @Override
        public String getLocalHostName() {
            return host;
        }

        @Override
        public void sendSplitRequest() {
            coordinator.sendEventToCoordinator(new RequestSplitEvent(host));
        }

        @Override
        public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
            if (sourceEvent == null) {
                throw new IllegalArgumentException("A source event must not be null");
            }
            coordinator.sendEventToCoordinator(new SourceEventWrapper(sourceEvent));
        }

        @Override
        public ClassLoader getUserCodeClassLoader() {
            return parameters.getRuntimeContext().getUserCodeClassLoader();
        }
    }

    /** Creation contexts for the timestamp assigner and watermark generator (empty for now). */
    private static final class Contexts implements dev.eddy.api.common.eventtime.TimestampAssignerSupplier.Context,
            dev.eddy.api.common.eventtime.WatermarkGeneratorSupplier.Context {}
}

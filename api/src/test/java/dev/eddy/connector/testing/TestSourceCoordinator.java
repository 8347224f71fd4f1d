package dev.eddy.connector.testing;

import dev.eddy.api.connector.source.ReaderInfo;
import dev.eddy.api.connector.source.Source;
import dev.eddy.api.connector.source.SourceEvent;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.api.connector.source.SplitEnumerator;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import dev.eddy.api.connector.source.SplitsAssignment;
import dev.eddy.runtime.operators.coordination.OperatorEvent;
import dev.eddy.runtime.operators.coordination.OperatorEventGateway;
import dev.eddy.runtime.operators.coordination.OperatorEventHandler;
import dev.eddy.runtime.source.event.AddSplitEvent;
import dev.eddy.runtime.source.event.NoMoreSplitsEvent;
import dev.eddy.runtime.source.event.ReaderRegistrationEvent;
import dev.eddy.runtime.source.event.RequestSplitEvent;
import dev.eddy.runtime.source.event.SourceEventWrapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * A stand-in for the JobManager's source coordinator in operator tests: one enumerator for all
 * subtasks, driven on the test thread. Events from an operator reach the enumerator at once;
 * assignments reach the operator as mail of its {@link TestSubtask}. {@code callAsync} work is
 * queued and run after each event and on {@link #runPeriodic()} (periodic calls).
 */
public final class TestSourceCoordinator<SplitT extends SourceSplit, EnumChkT> implements SplitEnumeratorContext<SplitT> {
    private final Source<?, SplitT, EnumChkT> source;
    private final int parallelism;
    private final Map<Integer, ReaderInfo> readers = new LinkedHashMap<>();
    private final Map<Integer, Target> targets = new LinkedHashMap<>();
    private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    private final List<Runnable> periodic = new ArrayList<>();
    /** Source events the enumerator got, as (subtask, event). */
    public final List<Map.Entry<Integer, SourceEvent>> sourceEvents = new ArrayList<>();
    private SplitEnumerator<SplitT, EnumChkT> enumerator;

    private record Target(TestSubtask<?> subtask, OperatorEventHandler handler) {}

    public TestSourceCoordinator(Source<?, SplitT, EnumChkT> source, int parallelism) throws Exception {
        this(source, parallelism, null);
    }

    /** A coordinator whose enumerator restores {@code checkpoint} (null: a fresh one). */
    public TestSourceCoordinator(Source<?, SplitT, EnumChkT> source, int parallelism, EnumChkT checkpoint) throws Exception {
        this.source = source;
        this.parallelism = parallelism;
        this.enumerator = checkpoint == null ? source.createEnumerator(this) : source.restoreEnumerator(this, checkpoint);
        enumerator.start();
        runPending();
    }

    /** Connects a subtask's operator: its gateway sends here, assignments come back as its mail. */
    public <T> TestSubtask<T> connect(TestSubtask<T> subtask, OperatorEventHandler operator) {
        targets.put(subtask.index, new Target(subtask, operator));
        return subtask.withOperatorEventGateway(new Gateway(subtask.index));
    }

    public SplitEnumerator<SplitT, EnumChkT> enumerator() {
        return enumerator;
    }

    /** The enumerator's checkpoint, through its serializer (as the JobManager stores it). */
    public EnumChkT snapshot(long checkpointId) throws Exception {
        var serializer = source.getEnumeratorCheckpointSerializer();
        return serializer.deserialize(serializer.getVersion(), serializer.serialize(enumerator.snapshotState(checkpointId)));
    }

    /** Runs every periodic {@code callAsync} once, then what it queued. */
    public void runPeriodic() {
        for (Runnable r : List.copyOf(periodic)) {
            r.run();
        }
        runPending();
    }

    private void runPending() {
        Runnable next;
        while ((next = pending.poll()) != null) {
            next.run();
        }
    }

    private final class Gateway implements OperatorEventGateway {
        private final int subtask;

        Gateway(int subtask) {
            this.subtask = subtask;
        }

        @Override
        public void sendEventToCoordinator(OperatorEvent event) {
            if (event instanceof ReaderRegistrationEvent r) {
                readers.put(subtask, new ReaderInfo(r.subtaskId(), r.location()));
                enumerator.addReader(subtask);
            } else if (event instanceof RequestSplitEvent r) {
                enumerator.handleSplitRequest(subtask, r.hostName());
            } else if (event instanceof SourceEventWrapper w) {
                sourceEvents.add(Map.entry(subtask, w.sourceEvent()));
                enumerator.handleSourceEvent(subtask, w.sourceEvent());
            } else {
                throw new IllegalArgumentException("Unexpected event " + event);
            }
            runPending();
        }
    }

    private void send(int subtask, OperatorEvent event) {
        if (!readers.containsKey(subtask)) {
            throw new IllegalArgumentException("Cannot send to subtask " + subtask + ": no registered reader (parallelism "
                    + parallelism + ")");
        }
        Target t = targets.get(subtask);
        t.subtask().addMail(() -> t.handler().handleOperatorEvent(event));
    }

    @Override
    public int currentParallelism() {
        return parallelism;
    }

    @Override
    public Map<Integer, ReaderInfo> registeredReaders() {
        return Collections.unmodifiableMap(readers);
    }

    @Override
    public void assignSplits(SplitsAssignment<SplitT> newSplitAssignments) {
        newSplitAssignments.assignment().forEach((subtask, splits) -> {
            try {
                send(subtask, AddSplitEvent.of(splits, source.getSplitSerializer()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Override
    public void signalNoMoreSplits(int subtask) {
        send(subtask, new NoMoreSplitsEvent());
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
        send(subtaskId, new SourceEventWrapper(event));
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        pending.add(() -> call(callable, handler));
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis, long periodMillis) {
        periodic.add(() -> call(callable, handler));
    }

    private static <T> void call(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        T result = null;
        Throwable failure = null;
        try {
            result = callable.call();
        } catch (Throwable t) {
            failure = t;
        }
        handler.accept(result, failure);
    }

    @Override
    public void runInCoordinatorThread(Runnable runnable) {
        pending.add(runnable);
    }
}

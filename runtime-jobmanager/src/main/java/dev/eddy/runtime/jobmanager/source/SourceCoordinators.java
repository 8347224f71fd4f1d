package dev.eddy.runtime.jobmanager.source;

import dev.eddy.api.connector.source.Source;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.proto.OperatorCoordinatorProto;
import dev.eddy.proto.OperatorCoordinatorStateProto;
import dev.eddy.runtime.jobmanager.checkpoint.OperatorCoordinatorCheckpoints;
import dev.eddy.runtime.operators.coordination.OperatorEvent;
import dev.eddy.runtime.util.InstantiationUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The source coordinators of one job, one per Source-API source operator (from the job graph's
 * {@code operator_coordinators}), by operator uid. Implements the checkpoint hooks of the
 * {@link dev.eddy.runtime.jobmanager.checkpoint.CheckpointCoordinator}.
 *
 * <p>Threading: the JobMaster's thread; each coordinator runs its enumerator on its own thread.
 */
public final class SourceCoordinators implements OperatorCoordinatorCheckpoints, AutoCloseable {
    private record Entry(String vertexId, SourceCoordinator<?, ?> coordinator) {}

    private final Map<String, Entry> byUid = new LinkedHashMap<>();

    private SourceCoordinators() {}

    /**
     * Creates (does not start) the coordinators of the job's sources; their Source objects are
     * read in {@code userClassLoader}.
     *
     * @param senderFor operator uid → how its coordinator sends events to tasks
     * @param onFailure told (on a coordinator thread) when an enumerator failed
     * @throws IllegalArgumentException if a source cannot be read
     */
    public static SourceCoordinators create(JobGraphProto jobGraph, ClassLoader userClassLoader,
            BiFunction<String, String, OperatorEventSender> senderFor, Consumer<Throwable> onFailure) {
        SourceCoordinators all = new SourceCoordinators();
        try {
            for (JobVertexProto v : jobGraph.getVerticesList()) {
                for (OperatorCoordinatorProto c : v.getOperatorCoordinatorsList()) {
                    Source<?, ?, ?> source;
                    try {
                        source = InstantiationUtil.deserializeObject(c.getSource().toByteArray(), userClassLoader);
                    } catch (Exception e) {
                        throw new IllegalArgumentException("Cannot read the source of operator " + c.getOperatorUid() + " in '"
                                + v.getName() + "' on the JobManager (" + e + "); is the job jar complete?", e);
                    }
                    all.byUid.put(c.getOperatorUid(), new Entry(v.getId(), coordinator(c.getOperatorUid(), v, source,
                            userClassLoader, senderFor.apply(c.getOperatorUid(), v.getId()), onFailure)));
                }
            }
        } catch (RuntimeException e) {
            all.close();
            throw e;
        }
        return all;
    }

    private static <SplitT extends dev.eddy.api.connector.source.SourceSplit, C> SourceCoordinator<SplitT, C> coordinator(
            String uid, JobVertexProto v, Source<?, SplitT, C> source, ClassLoader cl, OperatorEventSender sender,
            Consumer<Throwable> onFailure) {
        return new SourceCoordinator<>(uid, "Source coordinator of '" + v.getName() + "'", source, v.getParallelism(), cl, sender,
                onFailure);
    }

    public boolean isEmpty() {
        return byUid.isEmpty();
    }

    /** The coordinator of an operator, or null when it has none. */
    public SourceCoordinator<?, ?> get(String operatorUid) {
        Entry e = byUid.get(operatorUid);
        return e == null ? null : e.coordinator();
    }

    /** Starts every enumerator, from {@code states} (by operator uid) where present. */
    public CompletableFuture<Void> start(Map<String, OperatorCoordinatorStateProto> states) {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        byUid.forEach((uid, e) -> started.add(e.coordinator().start(states.get(uid))));
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
    }

    /** See {@link SourceCoordinator#restart}. */
    public CompletableFuture<Void> restart(long restoredCheckpointId, Map<String, OperatorCoordinatorStateProto> states) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        byUid.forEach((uid, e) -> done.add(e.coordinator().restart(restoredCheckpointId, states.get(uid))));
        return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
    }

    /** An attempt of a subtask of vertex {@code vertexId} ended. */
    public void attemptEnded(String vertexId, int subtask, String attemptId) {
        byUid.values().forEach(e -> {
            if (e.vertexId().equals(vertexId)) {
                e.coordinator().attemptEnded(subtask, attemptId);
            }
        });
    }

    /** Routes an operator's event; false when the operator has no coordinator. */
    public boolean handle(String operatorUid, int subtask, String attemptId, String rpcAddress, OperatorEvent event) {
        SourceCoordinator<?, ?> c = get(operatorUid);
        if (c == null) {
            return false;
        }
        c.handleEventFromOperator(subtask, attemptId, rpcAddress, event);
        return true;
    }

    @Override
    public CompletableFuture<List<OperatorCoordinatorStateProto>> checkpointCoordinators(long checkpointId) {
        List<CompletableFuture<OperatorCoordinatorStateProto>> states = new ArrayList<>();
        byUid.values().forEach(e -> states.add(e.coordinator().checkpoint(checkpointId)));
        return CompletableFuture.allOf(states.toArray(CompletableFuture[]::new))
                .thenApply(v -> states.stream().map(CompletableFuture::join).toList());
    }

    @Override
    public void afterSourceTriggered(long checkpointId, String vertexId, int subtask) {
        byUid.values().forEach(e -> {
            if (e.vertexId().equals(vertexId)) {
                e.coordinator().afterSourceTriggered(checkpointId, subtask);
            }
        });
    }

    @Override
    public void checkpointComplete(long checkpointId, boolean savepoint) {
        byUid.values().forEach(e -> e.coordinator().checkpointComplete(checkpointId, savepoint));
    }

    @Override
    public void checkpointAborted(long checkpointId) {
        byUid.values().forEach(e -> e.coordinator().checkpointAborted(checkpointId));
    }

    /** Closes every coordinator. Idempotent. */
    @Override
    public void close() {
        byUid.values().forEach(e -> e.coordinator().close());
    }
}

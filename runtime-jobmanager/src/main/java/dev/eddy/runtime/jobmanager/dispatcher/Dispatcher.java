package dev.eddy.runtime.jobmanager.dispatcher;

import dev.eddy.proto.DeclineCheckpointRequest;
import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.proto.Ack;
import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.TaskExecutionStateProto;
import dev.eddy.runtime.gateway.BlobStore;
import dev.eddy.runtime.gateway.DispatcherGateway;
import dev.eddy.runtime.gateway.JobMasterGateway;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import dev.eddy.runtime.jobmanager.jobmaster.JobMaster;
import dev.eddy.runtime.jobmanager.resourcemanager.SlotAllocator;
import dev.eddy.runtime.util.ChildFirstClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts jobs and keeps track of them: one {@link JobMaster} per running job, the final status of
 * finished ones. Also routes task state reports to the right JobMaster.
 *
 * <p>Threading: the job table lives on the Dispatcher's own single-threaded executor; public
 * methods enqueue there and return futures. Calls into a JobMaster compose its futures and never
 * wait. When a job becomes terminal its JobMaster is closed and its final status archived.
 */
public final class Dispatcher implements DispatcherGateway, JobMasterGateway, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final SlotAllocator resourceManager;
    private final BlobStore blobStore;
    private final Function<String, TaskExecutorGateway> taskExecutors;
    private final JobMaster.Settings jobMasterSettings;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eddy-dispatcher");
        t.setDaemon(true);
        return t;
    });

    /** Job id → entry, in submission order. */
    private final Map<String, JobEntry> jobs = new LinkedHashMap<>();

    public Dispatcher(SlotAllocator resourceManager, BlobStore blobStore, Function<String, TaskExecutorGateway> taskExecutors,
            JobMaster.Settings jobMasterSettings) {
        this.resourceManager = resourceManager;
        this.blobStore = blobStore;
        this.taskExecutors = taskExecutors;
        this.jobMasterSettings = jobMasterSettings;
    }

    /**
     * Not used on the JobManager side: jar uploads arrive as gRPC chunk streams and the gRPC adapter
     * writes them through the {@link BlobStore} directly. The Path-based method is for clients.
     */
    @Override
    public CompletableFuture<String> uploadJar(Path jar) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "The JobManager's Dispatcher does not upload jars from local paths; jars arrive through the blob store"));
    }

    @Override
    public CompletableFuture<String> submitJob(JobGraphProto submitted) {
        return compose(() -> {
            JobGraphProto jobGraph = submitted.getJobId().isEmpty()
                    ? submitted.toBuilder().setJobId(UUID.randomUUID().toString().replace("-", "")).build()
                    : submitted;
            String jobId = jobGraph.getJobId();
            if (jobs.containsKey(jobId)) {
                throw new IllegalArgumentException("A job with id " + jobId + " was already submitted; submit with a new job id");
            }
            JobGraphValidator.validate(jobGraph, blobStore);
            ClassLoader classLoader = userClassLoader(jobGraph);
            JobMaster jobMaster = new JobMaster(jobGraph, resourceManager, taskExecutors, jobMasterSettings, classLoader);
            JobEntry entry = new JobEntry(jobMaster);
            entry.classLoader = classLoader;
            jobs.put(jobId, entry);
            LOG.info("Accepted job {} ({}) with {} vertices", jobId, jobGraph.getJobName(), jobGraph.getVerticesCount());
            jobMaster.terminationFuture().thenAcceptAsync(finalStatus -> archive(jobId, finalStatus), executor);
            return jobMaster.start().thenApply(v -> jobId);
        });
    }

    @Override
    public CompletableFuture<List<JobStatusProto>> listJobs() {
        return compose(() -> {
            List<CompletableFuture<JobStatusProto>> statuses = new ArrayList<>();
            for (JobEntry entry : jobs.values()) {
                statuses.add(entry.status());
            }
            return CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new)).thenApply(v -> {
                List<JobStatusProto> list = new ArrayList<>(statuses.size());
                for (int i = statuses.size() - 1; i >= 0; i--) { // newest first
                    list.add(statuses.get(i).join());
                }
                return list;
            });
        });
    }

    @Override
    public CompletableFuture<JobStatusProto> getJobStatus(String jobId) {
        return compose(() -> entry(jobId).status());
    }

    /** A running job's subtask watermarks; an ended job reports its vertices without any (nothing runs). */
    @Override
    public CompletableFuture<dev.eddy.proto.JobWatermarksProto> getJobWatermarks(String jobId) {
        return compose(() -> {
            JobEntry entry = entry(jobId);
            if (entry.jobMaster == null) {
                return CompletableFuture.completedFuture(dev.eddy.proto.JobWatermarksProto.newBuilder()
                        .setJobId(jobId).setState(entry.finalStatus.getState()).build());
            }
            return entry.jobMaster.requestWatermarks();
        });
    }

    @Override
    public CompletableFuture<String> cancelJob(String jobId) {
        return compose(() -> {
            JobEntry entry = entry(jobId);
            if (entry.jobMaster == null) {
                return CompletableFuture.completedFuture(entry.finalStatus.getState());
            }
            LOG.info("Cancelling job {}", jobId);
            return entry.jobMaster.cancel();
        });
    }

    @Override
    public CompletableFuture<ClusterOverview> getClusterOverview() {
        return compose(() -> {
            int running = 0;
            for (JobEntry entry : jobs.values()) {
                if (entry.jobMaster != null) {
                    running++;
                }
            }
            int jobsRunning = running;
            return resourceManager.getClusterOverview().thenApply(o -> o.toBuilder().setJobsRunning(jobsRunning).build());
        });
    }

    /** Routes a task's state report to its job's JobMaster; reports for unknown or finished jobs are not ok. */
    @Override
    public CompletableFuture<Ack> updateTaskExecutionState(TaskExecutionStateProto state) {
        return compose(() -> {
            JobEntry entry = jobs.get(state.getJobId());
            if (entry == null || entry.jobMaster == null) {
                String why = entry == null ? "No job with id " + state.getJobId() : "Job " + state.getJobId() + " has ended";
                return CompletableFuture.completedFuture(Ack.newBuilder().setOk(false).setMessage(why + "; state update ignored").build());
            }
            return entry.jobMaster.updateTaskExecutionState(state);
        });
    }

    @Override
    public CompletableFuture<Ack> acknowledgeCheckpoint(AcknowledgeCheckpointRequest request) {
        return compose(() -> {
            JobEntry entry = jobs.get(request.getJobId());
            if (entry == null || entry.jobMaster == null) {
                return CompletableFuture.completedFuture(Ack.newBuilder().setOk(false)
                        .setMessage("Job " + request.getJobId() + " is not running; checkpoint acknowledgement ignored").build());
            }
            return entry.jobMaster.acknowledgeCheckpoint(request);
        });
    }

    @Override
    public CompletableFuture<Ack> declineCheckpoint(DeclineCheckpointRequest request) {
        return compose(() -> {
            JobEntry entry = jobs.get(request.getJobId());
            if (entry == null || entry.jobMaster == null) {
                return CompletableFuture.completedFuture(Ack.newBuilder().setOk(false)
                        .setMessage("Job " + request.getJobId() + " is not running; checkpoint decline ignored").build());
            }
            return entry.jobMaster.declineCheckpoint(request);
        });
    }

    @Override
    public CompletableFuture<Ack> sendOperatorEventToCoordinator(dev.eddy.proto.OperatorEventToCoordinatorRequest request) {
        return compose(() -> {
            JobEntry entry = jobs.get(request.getJobId());
            if (entry == null || entry.jobMaster == null) {
                return CompletableFuture.completedFuture(Ack.newBuilder().setOk(false)
                        .setMessage("Job " + request.getJobId() + " is not running; operator event dropped").build());
            }
            return entry.jobMaster.sendOperatorEventToCoordinator(request);
        });
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String jobId, String targetDirectory, boolean stop) {
        return compose(() -> {
            JobEntry entry = entry(jobId);
            if (entry.jobMaster == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("Job " + jobId + " is "
                        + entry.finalStatus.getState() + "; a savepoint needs a running job"));
            }
            LOG.info("Triggering a savepoint of job {} into '{}'{}", jobId, targetDirectory, stop ? " and stopping it" : "");
            return entry.jobMaster.triggerSavepoint(targetDirectory, stop);
        });
    }

    /**
     * The job's class loader on the JobManager (for its sources' split enumerators): its jar
     * child-first, or the JobManager's own loader for a job without a jar.
     */
    private ClassLoader userClassLoader(JobGraphProto jobGraph) {
        if (jobGraph.getJarSha256().isEmpty()) {
            return Dispatcher.class.getClassLoader();
        }
        Path jar = blobStore.getJar(jobGraph.getJarSha256());
        try {
            return new ChildFirstClassLoader(new java.net.URL[] {jar.toUri().toURL()}, Dispatcher.class.getClassLoader());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException("Bad path of the jar of job " + jobGraph.getJobId() + ": " + jar, e);
        }
    }

    private void archive(String jobId, JobStatusProto finalStatus) {
        JobEntry entry = jobs.get(jobId);
        if (entry != null && entry.jobMaster != null) {
            entry.jobMaster.close();
            if (entry.classLoader instanceof ChildFirstClassLoader loader) {
                try {
                    loader.close();
                } catch (java.io.IOException e) {
                    LOG.debug("Could not close the class loader of job {}: {}", jobId, e.toString());
                }
            }
            entry.classLoader = null;
            entry.jobMaster = null;
            entry.finalStatus = finalStatus;
        }
    }

    private JobEntry entry(String jobId) {
        JobEntry entry = jobs.get(jobId);
        if (entry == null) {
            throw new NoSuchElementException("No job with id " + jobId);
        }
        return entry;
    }

    private <T> CompletableFuture<T> compose(Supplier<CompletableFuture<T>> action) {
        try {
            return CompletableFuture.supplyAsync(action, executor).thenCompose(f -> f);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("The Dispatcher is shut down", e));
        }
    }

    /** Closes all JobMasters (without cancelling their tasks) and the Dispatcher's thread. */
    @Override
    public void close() {
        try {
            executor.execute(() -> jobs.values().forEach(e -> {
                if (e.jobMaster != null) {
                    e.jobMaster.close();
                }
            }));
        } catch (RejectedExecutionException ignored) {
            // already closed
        }
        executor.shutdown();
    }

    /** A job: its JobMaster while it runs, afterwards only its final status. Dispatcher-thread confined. */
    private static final class JobEntry {
        JobMaster jobMaster;
        ClassLoader classLoader;
        JobStatusProto finalStatus;

        JobEntry(JobMaster jobMaster) {
            this.jobMaster = jobMaster;
        }

        CompletableFuture<JobStatusProto> status() {
            return jobMaster != null ? jobMaster.requestStatus() : CompletableFuture.completedFuture(finalStatus);
        }
    }
}

package dev.eddy.runtime.rpc;

import dev.eddy.proto.CheckpointNotificationRequest;
import dev.eddy.proto.TriggerCheckpointRequest;
import dev.eddy.proto.DeclineCheckpointRequest;
import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.proto.Ack;
import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.HeartbeatRequest;
import dev.eddy.proto.HeartbeatResponse;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.RegisterTaskManagerRequest;
import dev.eddy.proto.RegisterTaskManagerResponse;
import dev.eddy.proto.SubmitTaskResponse;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.proto.TaskExecutionStateProto;
import dev.eddy.runtime.gateway.BlobStore;
import dev.eddy.runtime.gateway.DispatcherGateway;
import dev.eddy.runtime.gateway.JobMasterGateway;
import dev.eddy.runtime.gateway.ResourceManagerGateway;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Hand-written gateway fakes: they record what they received and answer as told. */
final class FakeGateways {
    private FakeGateways() {}

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class FakeDispatcher implements DispatcherGateway {
        final List<JobGraphProto> submitted = new CopyOnWriteArrayList<>();
        final Map<String, JobStatusProto> jobs = new ConcurrentHashMap<>();
        /** When set, every call answers with this instead (may throw or return a failed/never-completing future). */
        volatile Supplier<CompletableFuture<?>> override;

        @SuppressWarnings("unchecked")
        private <T> CompletableFuture<T> answer(Supplier<CompletableFuture<T>> normal) {
            Supplier<CompletableFuture<?>> o = override;
            return o != null ? (CompletableFuture<T>) o.get() : normal.get();
        }

        @Override
        public CompletableFuture<String> uploadJar(Path jar) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("uploads go to the blob store"));
        }

        @Override
        public CompletableFuture<String> submitJob(JobGraphProto jobGraph) {
            return answer(() -> {
                submitted.add(jobGraph);
                jobs.put(jobGraph.getJobId(), JobStatusProto.newBuilder().setJobId(jobGraph.getJobId())
                        .setJobName(jobGraph.getJobName()).setState("RUNNING").build());
                return CompletableFuture.completedFuture(jobGraph.getJobId());
            });
        }

        @Override
        public CompletableFuture<List<JobStatusProto>> listJobs() {
            return answer(() -> CompletableFuture.completedFuture(List.copyOf(jobs.values())));
        }

        @Override
        public CompletableFuture<JobStatusProto> getJobStatus(String jobId) {
            return answer(() -> {
                JobStatusProto s = jobs.get(jobId);
                return s != null ? CompletableFuture.completedFuture(s)
                        : CompletableFuture.failedFuture(new NoSuchElementException("No job with id " + jobId));
            });
        }

        @Override
        public CompletableFuture<String> cancelJob(String jobId) {
            return answer(() -> CompletableFuture.supplyAsync(() -> {
                if (!jobs.containsKey(jobId)) {
                    throw new NoSuchElementException("No job with id " + jobId);
                }
                return "CANCELLING";
            }));
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String jobId, String targetDirectory, boolean stop) {
            return answer(() -> CompletableFuture.completedFuture("/sp/" + jobId + (stop ? "/stopped" : "")));
        }

        @Override
        public CompletableFuture<ClusterOverview> getClusterOverview() {
            return answer(() -> CompletableFuture.completedFuture(
                    ClusterOverview.newBuilder().setSlotsTotal(8).setSlotsFree(3).setJobsRunning(jobs.size()).build()));
        }
    }

    /** Jars in a directory, named by their hash. */
    static final class FakeBlobStore implements BlobStore {
        final Path dir;
        final long maxJarSize;
        /** Served instead of the stored file for any hash, when set (simulates a corrupt store). */
        volatile Path corruptAnswer;

        FakeBlobStore(Path dir, long maxJarSize) {
            this.dir = dir;
            this.maxJarSize = maxJarSize;
        }

        @Override
        public long maxJarSize() {
            return maxJarSize;
        }

        @Override
        public Path newTempFile() throws IOException {
            return Files.createTempFile(dir, "upload-", ".tmp");
        }

        @Override
        public String putJar(Path tempFile) throws IOException {
            String sha = sha256(tempFile);
            Files.move(tempFile, dir.resolve(sha + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return sha;
        }

        @Override
        public Path getJar(String sha256) {
            if (corruptAnswer != null) {
                return corruptAnswer;
            }
            Path p = dir.resolve(sha256 + ".jar");
            return Files.exists(p) ? p : null;
        }
    }

    static final class FakeResourceManager implements ResourceManagerGateway {
        final List<Object> received = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<RegisterTaskManagerResponse> registerTaskManager(RegisterTaskManagerRequest request) {
            received.add(request);
            if (request.getNumberOfSlots() < 1) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("A TaskManager needs at least one slot"));
            }
            return CompletableFuture.completedFuture(RegisterTaskManagerResponse.newBuilder().setAccepted(true)
                    .setHeartbeatIntervalMillis(1000).setHeartbeatTimeoutMillis(5000).build());
        }

        @Override
        public CompletableFuture<HeartbeatResponse> heartbeat(HeartbeatRequest request) {
            received.add(request);
            return CompletableFuture.completedFuture(HeartbeatResponse.newBuilder().setKnown(request.getTaskManagerId().equals("tm-1")).build());
        }
    }

    static final class FakeJobMaster implements JobMasterGateway {
        final List<Object> received = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Ack> updateTaskExecutionState(TaskExecutionStateProto state) {
            received.add(state);
            if (state.getJobId().isEmpty()) {
                throw new IllegalStateException("No JobMaster for job ''");
            }
            return CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).setMessage("seen " + state.getState()).build());
        }

        @Override
        public CompletableFuture<Ack> acknowledgeCheckpoint(AcknowledgeCheckpointRequest request) {
            received.add(request);
            return CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).build());
        }

        @Override
        public CompletableFuture<Ack> declineCheckpoint(DeclineCheckpointRequest request) {
            received.add(request);
            return CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).build());
        }
    }

    static final class FakeTaskExecutor implements TaskExecutorGateway {
        final List<Object> received = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<SubmitTaskResponse> submitTask(TaskDeploymentDescriptor tdd) {
            received.add(tdd);
            return CompletableFuture.completedFuture(SubmitTaskResponse.newBuilder().setAccepted(true).build());
        }

        @Override
        public CompletableFuture<Ack> cancelTask(String executionAttemptId) {
            received.add("cancel " + executionAttemptId);
            return CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).build());
        }

        @Override
        public CompletableFuture<Ack> triggerCheckpoint(TriggerCheckpointRequest request) {
            received.add(request);
            return CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).build());
        }

        @Override
        public CompletableFuture<Ack> notifyCheckpoint(CheckpointNotificationRequest request) {
            received.add(request);
            return CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).build());
        }

        @Override
        public CompletableFuture<Ack> freeSlot(String allocationId, String jobId) {
            received.add("free " + allocationId + " " + jobId);
            return CompletableFuture.failedFuture(new RuntimeException("Slot " + allocationId + " is not allocated to job " + jobId));
        }
    }
}

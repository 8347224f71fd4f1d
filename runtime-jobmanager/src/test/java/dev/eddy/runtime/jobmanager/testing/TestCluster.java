package dev.eddy.runtime.jobmanager.testing;

import static org.awaitility.Awaitility.await;

import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.RegisterTaskManagerRequest;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import dev.eddy.runtime.jobmanager.blob.FileBlobStore;
import dev.eddy.runtime.jobmanager.dispatcher.Dispatcher;
import dev.eddy.runtime.jobmanager.jobmaster.JobMaster;
import dev.eddy.runtime.jobmanager.resourcemanager.ResourceManager;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A ResourceManager and Dispatcher wired to fake TaskManagers by RPC address. */
public final class TestCluster implements AutoCloseable {
    public final ResourceManager resourceManager;
    public final Dispatcher dispatcher;
    public final FileBlobStore blobStore;
    public final List<FakeTaskExecutor> taskManagers = new ArrayList<>();
    private final Map<String, TaskExecutorGateway> byAddress = new ConcurrentHashMap<>();

    public TestCluster(Duration slotTimeout, Duration heartbeatInterval, Duration heartbeatTimeout) throws Exception {
        this(slotTimeout, heartbeatInterval, heartbeatTimeout, Duration.ofSeconds(5));
    }

    public TestCluster(Duration slotTimeout, Duration heartbeatInterval, Duration heartbeatTimeout, Duration cancelTimeout) throws Exception {
        resourceManager = new ResourceManager(heartbeatInterval, heartbeatTimeout).start();
        blobStore = new FileBlobStore(Files.createTempDirectory("eddy-blob-test"), 1 << 20);
        dispatcher = new Dispatcher(resourceManager, blobStore, address -> {
            TaskExecutorGateway g = byAddress.get(address);
            if (g == null) {
                throw new IllegalStateException("No TaskManager at " + address);
            }
            return g;
        }, new JobMaster.Settings(slotTimeout, cancelTimeout));
    }

    public TestCluster(Duration slotTimeout) throws Exception {
        this(slotTimeout, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public FakeTaskExecutor addTaskManager(int slots) {
        int n = taskManagers.size();
        FakeTaskExecutor tm = new FakeTaskExecutor("tm-" + n, 40000 + n, dispatcher);
        taskManagers.add(tm);
        byAddress.put(tm.rpcAddress, tm);
        resourceManager.registerTaskManager(RegisterTaskManagerRequest.newBuilder()
                .setTaskManagerId(tm.id).setRpcAddress(tm.rpcAddress).setDataAddress(tm.dataAddress).setNumberOfSlots(slots).build()).join();
        return tm;
    }

    public List<TaskDeploymentDescriptor> allDeployed() {
        List<TaskDeploymentDescriptor> all = new ArrayList<>();
        taskManagers.forEach(tm -> all.addAll(tm.deployed));
        return all;
    }

    /** Waits until {@code count} tasks are deployed over all TaskManagers. */
    public List<TaskDeploymentDescriptor> awaitDeployed(int count) {
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(10)).until(() -> allDeployed().size() >= count);
        return allDeployed();
    }

    public JobStatusProto status(String jobId) {
        return dispatcher.getJobStatus(jobId).join();
    }

    public JobStatusProto awaitState(String jobId, String state) {
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(10)).until(() -> status(jobId).getState().equals(state));
        return status(jobId);
    }

    public FakeTaskExecutor ownerOf(String attemptId) {
        for (FakeTaskExecutor tm : taskManagers) {
            for (TaskDeploymentDescriptor tdd : tm.deployed) {
                if (tdd.getExecutionAttemptId().equals(attemptId)) {
                    return tm;
                }
            }
        }
        throw new IllegalArgumentException("Attempt " + attemptId + " is not deployed");
    }

    @Override
    public void close() {
        dispatcher.close();
        resourceManager.close();
    }
}

package dev.eddy.runtime.jobmanager.resourcemanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.HeartbeatRequest;
import dev.eddy.proto.RegisterTaskManagerRequest;
import dev.eddy.proto.RegisterTaskManagerResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResourceManagerTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final ResourceManager rm = new ResourceManager(Duration.ofMillis(20), Duration.ofMillis(100), clock::get).start();
    private final List<String> lost = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        rm.close();
    }

    private RegisterTaskManagerResponse register(String id, int slots) {
        return rm.registerTaskManager(RegisterTaskManagerRequest.newBuilder().setTaskManagerId(id).setRpcAddress("h:" + id.hashCode())
                .setDataAddress("h:1").setNumberOfSlots(slots).build()).join();
    }

    private boolean heartbeat(String id) {
        return rm.heartbeat(HeartbeatRequest.newBuilder().setTaskManagerId(id).build()).join().getKnown();
    }

    @Test
    void registrationIsIdempotentAndReportsHeartbeatSettings() {
        RegisterTaskManagerResponse r = register("tm-1", 2);
        assertThat(r.getAccepted()).isTrue();
        assertThat(r.getHeartbeatIntervalMillis()).isEqualTo(20);
        assertThat(r.getHeartbeatTimeoutMillis()).isEqualTo(100);
        List<AllocatedSlot> slots = rm.requestSlots("job", 1, Duration.ofSeconds(1), (t, m) -> {}).join();

        assertThat(register("tm-1", 2).getAccepted()).isTrue();

        ClusterOverview o = rm.getClusterOverview().join();
        assertThat(o.getTaskManagersCount()).isEqualTo(1);
        assertThat(o.getSlotsTotal()).isEqualTo(2);
        assertThat(o.getSlotsFree()).as("the allocation survives re-registration").isEqualTo(1);
        assertThat(slots).hasSize(1);
    }

    @Test
    void rejectsRegistrationWithoutSlots() {
        RegisterTaskManagerResponse r = register("tm-0", 0);
        assertThat(r.getAccepted()).isFalse();
        assertThat(r.getReason()).contains("at least one slot");
    }

    @Test
    void heartbeatOfUnknownTaskManagerIsNotKnown() {
        assertThat(heartbeat("nobody")).isFalse();
        register("tm-1", 1);
        assertThat(heartbeat("tm-1")).isTrue();
    }

    @Test
    void spreadsSlotsRoundRobinOverTaskManagers() {
        register("tm-1", 2);
        register("tm-2", 2);
        List<AllocatedSlot> slots = rm.requestSlots("job", 4, Duration.ofSeconds(1), (t, m) -> {}).join();
        assertThat(slots).extracting(AllocatedSlot::taskManagerId).containsExactly("tm-1", "tm-2", "tm-1", "tm-2");
        assertThat(slots).extracting(AllocatedSlot::allocationId).doesNotHaveDuplicates();
        assertThat(rm.getClusterOverview().join().getSlotsFree()).isZero();

        rm.releaseSlots("job", slots.stream().map(AllocatedSlot::allocationId).toList()).join();
        assertThat(rm.getClusterOverview().join().getSlotsFree()).isEqualTo(4);
    }

    @Test
    void smallJobSpreadsToo() {
        register("tm-1", 2);
        register("tm-2", 2);
        List<AllocatedSlot> slots = rm.requestSlots("job", 2, Duration.ofSeconds(1), (t, m) -> {}).join();
        assertThat(slots).extracting(AllocatedSlot::taskManagerId).containsExactly("tm-1", "tm-2");
    }

    @Test
    void waitingRequestIsServedWhenTaskManagersRegister() {
        CompletableFuture<List<AllocatedSlot>> request = rm.requestSlots("job", 3, Duration.ofSeconds(5), (t, m) -> {});
        register("tm-1", 2);
        assertThat(request).isNotDone();
        register("tm-2", 2);
        assertThat(request.join()).hasSize(3);
    }

    @Test
    void withdrawnRequestLeavesSlotsFree() {
        CompletableFuture<List<AllocatedSlot>> request = rm.requestSlots("job", 2, Duration.ofSeconds(5), (t, m) -> {});
        request.cancel(false);
        register("tm-1", 2);
        assertThat(rm.getClusterOverview().join().getSlotsFree()).isEqualTo(2);
    }

    @Test
    void requestTimesOutWithCounts() {
        register("tm-1", 2);
        CompletableFuture<List<AllocatedSlot>> request = rm.requestSlots("job", 5, Duration.ofMillis(100), (t, m) -> {});
        assertThatThrownBy(request::get).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(NoResourceAvailableException.class)
                .hasMessage("Could not allocate the required slots within slot.request.timeout (0.1 s): the job needs 5 slots, 2 free "
                        + "(1 TaskManagers, 2 slots in total)");
    }

    @Test
    void silentTaskManagerIsLostAndItsJobsAreTold() {
        register("tm-1", 1);
        register("tm-2", 1);
        rm.requestSlots("job", 2, Duration.ofSeconds(1), (tm, message) -> lost.add(tm + ": " + message)).join();

        clock.addAndGet(60);
        assertThat(heartbeat("tm-2")).isTrue();
        clock.addAndGet(60); // tm-1 silent for 120 ms, tm-2 for 60 ms

        await().atMost(Duration.ofSeconds(2)).until(() -> !lost.isEmpty());
        assertThat(lost).containsExactly("tm-1: TaskManager tm-1 (h:" + "tm-1".hashCode() + ") lost: no heartbeat for 0.1 s");
        assertThat(heartbeat("tm-1")).isFalse();
        assertThat(heartbeat("tm-2")).isTrue();
        ClusterOverview o = rm.getClusterOverview().join();
        assertThat(o.getTaskManagersList()).extracting(t -> t.getTaskManagerId()).containsExactly("tm-2");

        assertThat(register("tm-1", 1).getAccepted()).as("re-registering after being lost").isTrue();
        assertThat(heartbeat("tm-1")).isTrue();
        assertThat(rm.getClusterOverview().join().getSlotsFree()).isEqualTo(1);
    }
}

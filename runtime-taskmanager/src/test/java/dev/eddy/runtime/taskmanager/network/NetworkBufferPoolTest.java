package dev.eddy.runtime.taskmanager.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.runtime.taskmanager.network.buffer.InsufficientNetworkBuffersException;
import dev.eddy.runtime.taskmanager.network.buffer.LocalBufferPool;
import dev.eddy.runtime.taskmanager.network.buffer.NetworkBuffer;
import dev.eddy.runtime.taskmanager.network.buffer.NetworkBufferPool;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class NetworkBufferPoolTest {

    @Test
    void minimumIsReservedAndTooLargeAReservationIsAClearError() {
        NetworkBufferPool global = new NetworkBufferPool(10, 64);
        LocalBufferPool a = global.createLocalPool("a", 6, 10);
        assertThat(global.getNumberOfUnreservedSegments()).isEqualTo(4);
        assertThatThrownBy(() -> global.createLocalPool("b", 5, 5))
                .isInstanceOf(InsufficientNetworkBuffersException.class)
                .hasMessage("Insufficient number of network buffers: required 5, but only 4 available."
                        + " Increase taskmanager.memory.network.max.");
        a.destroy();
        assertThat(global.getNumberOfUnreservedSegments()).isEqualTo(10);
    }

    @Test
    void onePoolCannotTakeAnotherPoolsMinimum() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(10, 64);
        LocalBufferPool greedy = global.createLocalPool("greedy", 2, 100);
        LocalBufferPool modest = global.createLocalPool("modest", 3, 3);
        List<NetworkBuffer> taken = new ArrayList<>();
        NetworkBuffer b;
        while ((b = greedy.requestBuffer()) != null) {
            taken.add(b);
        }
        assertThat(taken).hasSize(7); // 10 minus modest's 3
        assertThat(greedy.isAvailable()).isFalse();
        for (int i = 0; i < 3; i++) {
            assertThat(modest.requestBuffer()).isNotNull();
        }
        assertThat(modest.requestBuffer()).as("modest is at its max").isNull();
        taken.forEach(NetworkBuffer::release);
        assertThat(greedy.getNumberOfTakenSegments()).as("keeps only its minimum").isEqualTo(2);
    }

    @Test
    void exhaustedPoolBlocksUntilABufferIsRecycledAndFutureCompletes() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(4, 64);
        LocalBufferPool pool = global.createLocalPool("p", 1, 2);
        NetworkBuffer first = pool.requestBuffer();
        NetworkBuffer second = pool.requestBuffer();
        assertThat(pool.requestBuffer()).isNull();
        CompletableFuture<Void> available = pool.getAvailableFuture();
        assertThat(available).isNotDone();

        AtomicReference<NetworkBuffer> got = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                got.set(pool.requestBufferBlocking());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        waiter.start();
        Thread.sleep(100);
        assertThat(got.get()).isNull();
        assertThat(waiter.isAlive()).isTrue();

        second.release();
        waiter.join(5000);
        assertThat(got.get()).isNotNull();
        assertThat(available).isDone();
        got.get().release();
        first.release();
        pool.destroy();
        assertThat(global.getNumberOfFreeSegments()).isEqualTo(4);
    }

    @Test
    void destroyWakesBlockedRequestersWithAnErrorAndLateRecyclesReturnToTheGlobalPool() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(2, 64);
        LocalBufferPool pool = global.createLocalPool("p", 1, 1);
        NetworkBuffer held = pool.requestBuffer();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                pool.requestBufferBlocking();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        waiter.start();
        Thread.sleep(50);
        pool.destroy();
        waiter.join(5000);
        assertThat(failure.get()).isInstanceOf(IOException.class).hasMessageContaining("released");
        assertThat(global.getNumberOfFreeSegments()).isEqualTo(1);
        held.release();
        Awaitility.await().atMost(Duration.ofSeconds(1)).until(() -> global.getNumberOfFreeSegments() == 2);
        assertThatThrownBy(held::release).isInstanceOf(IllegalStateException.class);
    }
}

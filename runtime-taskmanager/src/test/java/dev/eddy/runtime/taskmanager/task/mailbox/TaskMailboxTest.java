package dev.eddy.runtime.taskmanager.task.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskMailboxTest {

    @Test
    void mailRunsInFifoOrder() throws Exception {
        TaskMailbox mailbox = new TaskMailbox();
        MailboxExecutorImpl executor = new MailboxExecutorImpl(mailbox);
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            executor.execute(() -> seen.add(n), "mail " + n);
        }
        while (executor.tryYield()) {
            // drain
        }
        assertThat(seen).containsExactly(0, 1, 2, 3, 4);
        assertThat(executor.tryYield()).isFalse();
    }

    @Test
    void parkedThreadWakesOnMail() throws Exception {
        TaskMailbox mailbox = new TaskMailbox();
        CompletableFuture<Void> never = new CompletableFuture<>();
        CountDownLatch parked = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                parked.countDown();
                mailbox.awaitMailOr(never);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        t.start();
        parked.await();
        Thread.sleep(50);
        assertThat(t.isAlive()).isTrue();
        mailbox.put(new Mail(() -> {}, "wake"));
        t.join(2000);
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void parkedThreadWakesOnFuture() throws Exception {
        TaskMailbox mailbox = new TaskMailbox();
        CompletableFuture<Void> input = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                mailbox.awaitMailOr(input);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        t.start();
        Thread.sleep(50);
        assertThat(t.isAlive()).isTrue();
        input.complete(null);
        t.join(2000);
        assertThat(t.isAlive()).isFalse();
    }

    /** Races wake-ups against parking many times: a lost wake-up would hang this test. */
    @Test
    void noLostWakeUps() throws Exception {
        TaskMailbox mailbox = new TaskMailbox();
        int rounds = 500;
        AtomicReference<CompletableFuture<Void>> current = new AtomicReference<>();
        AtomicInteger processed = new AtomicInteger();
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    CompletableFuture<Void> f;
                    while ((f = current.get()) == null) {
                        Thread.onSpinWait();
                    }
                    mailbox.awaitMailOr(f);
                    Mail m;
                    while ((m = mailbox.tryTake()) != null) {
                        m.run();
                    }
                    current.set(null);
                    processed.incrementAndGet();
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        consumer.start();
        for (int i = 0; i < rounds; i++) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            current.set(f);
            if (i % 2 == 0) {
                f.complete(null);
            } else {
                mailbox.put(new Mail(() -> {}, "m"));
            }
            while (current.get() != null) {
                Thread.onSpinWait();
            }
        }
        consumer.join(5000);
        assertThat(processed.get()).isEqualTo(rounds);
    }

    @Test
    void closedMailboxRejectsMailAndReleasesWaiters() throws Exception {
        TaskMailbox mailbox = new TaskMailbox();
        MailboxExecutorImpl executor = new MailboxExecutorImpl(mailbox);
        executor.execute(() -> {}, "left over");
        assertThat(mailbox.close()).hasSize(1);
        assertThatThrownBy(() -> executor.execute(() -> {}, "late")).isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("late");
        assertThat(mailbox.take()).isNull();
        mailbox.awaitMailOr(new CompletableFuture<>());
    }

    @Test
    void processingTimeTimersOnlyEnqueueMail() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            TaskMailbox mailbox = new TaskMailbox();
            ProcessingTimeServiceImpl timers = new ProcessingTimeServiceImpl(scheduler, mailbox);
            List<Long> fired = new ArrayList<>();
            long now = timers.getCurrentProcessingTime();
            timers.registerTimer(now + 20, fired::add);
            timers.registerTimer(now + 1, fired::add);
            var cancelled = timers.registerTimer(now + 10, fired::add);
            assertThat(cancelled.cancel(false)).isTrue();
            Thread.sleep(80);
            assertThat(fired).as("callbacks wait for the task thread").isEmpty();
            Mail m;
            while ((m = mailbox.tryTake()) != null) {
                m.run();
            }
            assertThat(fired).containsExactlyInAnyOrder(now + 1, now + 20);
            assertThat(timers.getCurrentProcessingTime()).isGreaterThanOrEqualTo(now + 20);
            assertThat(timers.getNumberOfPendingTimers()).isZero();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void shutdownCancelsPendingTimers() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            TaskMailbox mailbox = new TaskMailbox();
            ProcessingTimeServiceImpl timers = new ProcessingTimeServiceImpl(scheduler, mailbox);
            timers.registerTimer(timers.getCurrentProcessingTime() + 30, t -> {});
            timers.shutdown();
            Thread.sleep(60);
            assertThat(mailbox.tryTake()).isNull();
            assertThatThrownBy(() -> timers.registerTimer(0, t -> {})).isInstanceOf(IllegalStateException.class);
            assertThat(scheduler.awaitTermination(0, TimeUnit.MILLISECONDS)).isFalse();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void operatorYieldSkipsTaskLevelMailWhichStaysQueuedInOrderForTheLoop() throws Exception {
        TaskMailbox mailbox = new TaskMailbox();
        MailboxExecutorImpl executor = new MailboxExecutorImpl(mailbox);
        List<String> ran = new ArrayList<>();
        mailbox.put(new Mail(() -> ran.add("checkpoint"), "checkpoint 1", true));
        executor.execute(() -> ran.add("async result"), "async result");

        assertThat(executor.tryYield()).isTrue();
        assertThat(ran).containsExactly("async result");
        assertThat(executor.tryYield()).as("only task-level mail is left").isFalse();

        CompletableFuture<Void> yielded = CompletableFuture.runAsync(() -> {
            try {
                executor.yield(); // waits: the checkpoint mail must not satisfy it
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(50);
        assertThat(yielded).isNotDone();
        executor.execute(() -> ran.add("second result"), "second result");
        yielded.get(5, TimeUnit.SECONDS);
        assertThat(ran).containsExactly("async result", "second result");

        Mail loopMail = mailbox.tryTake();
        assertThat(loopMail.description()).isEqualTo("checkpoint 1");
        loopMail.run();
        assertThat(ran).containsExactly("async result", "second result", "checkpoint");
    }
}

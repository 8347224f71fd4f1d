package dev.eddy.runtime.taskmanager.task;

import dev.eddy.runtime.taskmanager.network.InputStatus;
import dev.eddy.runtime.taskmanager.task.io.StreamInputProcessor;
import dev.eddy.runtime.taskmanager.task.mailbox.Mail;
import dev.eddy.runtime.taskmanager.task.mailbox.TaskMailbox;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The task thread's main loop: it alternates between pending mail and the default action
 * (process one input element, or for sources let the source run and yield to mail between
 * records). Input is processed only while every writer can take a buffer; when there is nothing to
 * read the writers are flushed and the thread parks on the input's availability future or new
 * mail, whichever comes first. Task thread only, except {@link #startPeriodicFlush} whose timer
 * merely enqueues a flush mail.
 */
final class MailboxLoop {
    private final TaskMailbox mailbox;
    private final TaskResources resources;
    private final BooleanSupplier canceled;
    private final String taskName;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private ScheduledFuture<?> flusher;

    MailboxLoop(TaskMailbox mailbox, TaskResources resources, ScheduledExecutorService scheduler, BooleanSupplier canceled, String taskName) {
        this.mailbox = mailbox;
        this.resources = resources;
        this.scheduler = scheduler;
        this.canceled = canceled;
        this.taskName = taskName;
    }

    /** Flushes all writers every {@code intervalMillis} (as mail); no-op when &lt;= 0. */
    void startPeriodicFlush(long intervalMillis) {
        if (intervalMillis <= 0 || resources.getWriters().isEmpty()) {
            return;
        }
        flusher = scheduler.scheduleAtFixedRate(() -> {
            if (flushQueued.compareAndSet(false, true)) {
                boolean queued = mailbox.put(new Mail(() -> {
                    flushQueued.set(false);
                    resources.flushWriters();
                }, "buffer timeout flush"));
                if (!queued) {
                    flushQueued.set(false);
                }
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void stopPeriodicFlush() {
        if (flusher != null) {
            flusher.cancel(false);
        }
    }

    void checkCanceled() {
        if (canceled.getAsBoolean()) {
            throw new CancelTaskException("Task " + taskName + " was cancelled");
        }
    }

    /** Runs all mail queued so far. */
    void processPendingMail() throws Exception {
        Mail mail;
        while ((mail = mailbox.tryTake()) != null) {
            mail.run();
        }
    }

    /** Processes input until it ends. */
    void runInputLoop(StreamInputProcessor input) throws Exception {
        while (true) {
            processPendingMail();
            checkCanceled();
            CompletableFuture<?> writersAvailable = resources.getWritersAvailableFuture();
            if (writersAvailable != null) {
                mailbox.awaitMailOr(writersAvailable);
                continue;
            }
            InputStatus status = input == null ? InputStatus.END_OF_INPUT : input.processInput();
            if (status == InputStatus.END_OF_INPUT) {
                return;
            }
            if (status == InputStatus.NOTHING_AVAILABLE) {
                CompletableFuture<?> inputAvailable = input.getAvailableFuture();
                if (!inputAvailable.isDone()) {
                    resources.flushWriters();
                    mailbox.awaitMailOr(inputAvailable);
                }
            }
        }
    }

    /** Called by the source between records: runs mail, then waits (running mail) while back-pressured. */
    void yieldFromSource() throws Exception {
        checkCanceled();
        processPendingMail();
        CompletableFuture<?> writersAvailable;
        while ((writersAvailable = resources.getWritersAvailableFuture()) != null) {
            mailbox.awaitMailOr(writersAvailable);
            processPendingMail();
            checkCanceled();
        }
        checkCanceled();
    }
}

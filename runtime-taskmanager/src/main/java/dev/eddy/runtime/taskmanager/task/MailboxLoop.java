package dev.eddy.runtime.taskmanager.task;

import dev.eddy.runtime.taskmanager.network.InputStatus;
import dev.eddy.runtime.taskmanager.task.io.OutputWriter;
import dev.eddy.runtime.taskmanager.task.io.StreamInputProcessor;
import dev.eddy.runtime.taskmanager.task.mailbox.Mail;
import dev.eddy.runtime.taskmanager.task.mailbox.TaskMailbox;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task thread's main loop: it alternates between pending mail and the default action
 * (process one input element, or for sources let the source run and yield to mail between
 * records). Input is processed only while every writer can take a buffer; when there is nothing to
 * read the writers are flushed and the thread parks on the input's availability future or new
 * mail, whichever comes first. Task thread only, except {@link #startPeriodicFlush} whose timer
 * flushes the writers concurrently (see {@code OutputWriter#flushAllFromAnyThread}).
 */
final class MailboxLoop {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxLoop.class);
    private final TaskMailbox mailbox;
    private final TaskResources resources;
    private final BooleanSupplier canceled;
    private final String taskName;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> flusher;

    MailboxLoop(TaskMailbox mailbox, TaskResources resources, ScheduledExecutorService scheduler, BooleanSupplier canceled, String taskName) {
        this.mailbox = mailbox;
        this.resources = resources;
        this.scheduler = scheduler;
        this.canceled = canceled;
        this.taskName = taskName;
    }

    /**
     * Flushes all writers every {@code intervalMillis} from the timer thread itself (no mail: the
     * writers publish what was appended so far without stopping the task thread, or a legacy
     * source's thread that holds the checkpoint lock); no-op when &lt;= 0.
     */
    void startPeriodicFlush(long intervalMillis) {
        List<OutputWriter<?>> writers = List.copyOf(resources.getWriters());
        if (intervalMillis <= 0 || writers.isEmpty()) {
            return;
        }
        flusher = scheduler.scheduleAtFixedRate(() -> {
            try {
                for (OutputWriter<?> w : writers) {
                    w.flushAllFromAnyThread();
                }
            } catch (RuntimeException e) {
                LOG.warn("Buffer timeout flush of {} failed; the task's own flushes still deliver its output", taskName, e);
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

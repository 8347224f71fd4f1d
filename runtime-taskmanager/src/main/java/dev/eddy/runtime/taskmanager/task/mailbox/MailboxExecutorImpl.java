package dev.eddy.runtime.taskmanager.task.mailbox;

import dev.eddy.streaming.api.operators.MailboxExecutor;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@link MailboxExecutor} over a {@link TaskMailbox}. {@link #execute} may be called from any
 * thread; {@link #yield} and {@link #tryYield} only from the task thread.
 */
public final class MailboxExecutorImpl implements MailboxExecutor {
    private final TaskMailbox mailbox;

    public MailboxExecutorImpl(TaskMailbox mailbox) {
        this.mailbox = mailbox;
    }

    /** @throws RejectedExecutionException when the task has already ended */
    @Override
    public void execute(ThrowingRunnable command, String description) {
        if (!mailbox.put(new Mail(command, description))) {
            throw new RejectedExecutionException("Cannot run '" + description + "': the task's mailbox is closed (the task has ended)");
        }
    }

    @Override
    public void yield() throws Exception {
        Mail mail = mailbox.take();
        if (mail == null) {
            throw new IllegalStateException("The task's mailbox is closed; nothing more will run on this task");
        }
        mail.run();
    }

    @Override
    public boolean tryYield() throws Exception {
        Mail mail = mailbox.tryTake();
        if (mail == null) {
            return false;
        }
        mail.run();
        return true;
    }
}

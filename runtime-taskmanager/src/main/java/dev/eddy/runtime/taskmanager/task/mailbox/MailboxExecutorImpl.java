package dev.eddy.runtime.taskmanager.task.mailbox;

import dev.eddy.streaming.api.operators.MailboxExecutor;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@link MailboxExecutor} over a {@link TaskMailbox}, as handed to operators. {@link #execute} may
 * be called from any thread; {@link #yield} and {@link #tryYield} only from the task thread. An
 * operator yields in the middle of a record (async I/O waiting for queue space), so yielding runs
 * only operator mail, never {@linkplain Mail#taskLevel() task-level} mail such as a source's
 * checkpoint trigger: that waits for the mailbox loop, between records (Flink gets the same from
 * mailbox priorities).
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
        Mail mail = mailbox.takeOperatorMail();
        if (mail == null) {
            throw new IllegalStateException("The task's mailbox is closed; nothing more will run on this task");
        }
        mail.run();
    }

    @Override
    public boolean tryYield() throws Exception {
        Mail mail = mailbox.tryTakeOperatorMail();
        if (mail == null) {
            return false;
        }
        mail.run();
        return true;
    }
}

package dev.eddy.runtime.taskmanager.task.mailbox;

import dev.eddy.streaming.api.operators.MailboxExecutor.ThrowingRunnable;

/**
 * One unit of work for the task thread, with a description for error messages.
 *
 * @param taskLevel true for mail that must only run between records, from the task's own mailbox
 *                  loop — a checkpoint trigger at a source, which must not snapshot while a record
 *                  is half way through the chain. An operator that yields mid-record
 *                  ({@link MailboxExecutorImpl#yield}) never runs it.
 */
public record Mail(ThrowingRunnable action, String description, boolean taskLevel) {
    public Mail(ThrowingRunnable action, String description) {
        this(action, description, false);
    }

    public void run() throws Exception {
        action.run();
    }

    @Override
    public String toString() {
        return description;
    }
}

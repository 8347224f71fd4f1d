package dev.eddy.runtime.taskmanager.task.mailbox;

import dev.eddy.streaming.api.operators.MailboxExecutor.ThrowingRunnable;

/** One unit of work for the task thread, with a description for error messages. */
public record Mail(ThrowingRunnable action, String description) {
    public void run() throws Exception {
        action.run();
    }

    @Override
    public String toString() {
        return description;
    }
}

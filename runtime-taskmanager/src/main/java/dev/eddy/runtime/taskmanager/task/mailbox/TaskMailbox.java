package dev.eddy.runtime.taskmanager.task.mailbox;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The mail queue of one task. Any thread may {@link #put} mail; only the task thread takes mail
 * and parks. The task thread parks in {@link #awaitMailOr} until either new mail arrives or a
 * future (input or output availability) completes: both wake it through the same condition, and
 * both are checked under the lock before waiting, so no wake-up is lost and nothing spins.
 *
 * <p>After {@link #close()} new mail is rejected (put returns false) and parked waits return.
 */
public final class TaskMailbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Mail> queue = new ArrayDeque<>();
    private volatile boolean hasMail;
    private boolean closed;
    /** The last future a wake-up callback was registered on (avoids piling callbacks onto one future). */
    private CompletableFuture<?> watched;

    /** Enqueues mail; thread-safe. Returns false (mail dropped) once the mailbox is closed. */
    public boolean put(Mail mail) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            queue.addLast(mail);
            hasMail = true;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Cheap check without the lock; may be momentarily stale. */
    public boolean hasMail() {
        return hasMail;
    }

    /** Takes the oldest mail or returns null. Task thread. */
    public Mail tryTake() {
        if (!hasMail) {
            return null;
        }
        lock.lock();
        try {
            Mail m = queue.pollFirst();
            hasMail = !queue.isEmpty();
            return m;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the oldest mail, waiting for one; returns null if the mailbox is closed. Task thread. */
    public Mail take() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                changed.await();
            }
            Mail m = queue.pollFirst();
            hasMail = !queue.isEmpty();
            return m;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the oldest mail that is not {@linkplain Mail#taskLevel() task-level}, or null; task-level
     * mail stays queued in its place. Task thread (operators yielding mid-record).
     */
    public Mail tryTakeOperatorMail() {
        if (!hasMail) {
            return null;
        }
        lock.lock();
        try {
            return pollOperatorMail();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #tryTakeOperatorMail} but waits for such mail; null once the mailbox is closed.
     * Task thread.
     */
    public Mail takeOperatorMail() throws InterruptedException {
        lock.lock();
        try {
            Mail m;
            while ((m = pollOperatorMail()) == null && !closed) {
                changed.await();
            }
            return m;
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock. */
    private Mail pollOperatorMail() {
        for (java.util.Iterator<Mail> it = queue.iterator(); it.hasNext(); ) {
            Mail m = it.next();
            if (!m.taskLevel()) {
                it.remove();
                hasMail = !queue.isEmpty();
                return m;
            }
        }
        return null;
    }

    /**
     * Parks the task thread until there is mail, {@code future} is done, or the mailbox is closed.
     * Task thread.
     */
    public void awaitMailOr(CompletableFuture<?> future) throws InterruptedException {
        if (future.isDone() || hasMail) {
            return;
        }
        if (watched != future) {
            watched = future;
            future.whenComplete((r, e) -> wakeUp());
        }
        lock.lock();
        try {
            while (queue.isEmpty() && !future.isDone() && !closed) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Rejects further mail and returns what was still queued. Thread-safe, idempotent. */
    public List<Mail> close() {
        lock.lock();
        try {
            closed = true;
            List<Mail> rest = List.copyOf(queue);
            queue.clear();
            hasMail = false;
            changed.signalAll();
            return rest;
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}

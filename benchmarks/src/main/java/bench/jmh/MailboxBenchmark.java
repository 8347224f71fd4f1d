package bench.jmh;

import dev.eddy.runtime.taskmanager.task.mailbox.Mail;
import dev.eddy.runtime.taskmanager.task.mailbox.MailboxExecutorImpl;
import dev.eddy.runtime.taskmanager.task.mailbox.TaskMailbox;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The task mailbox: mail per second from another thread to the task thread, and the per-record
 * cost the mailbox adds on the task thread.
 *
 * <ul>
 *   <li>{@code crossThreadPutTake}: a producer thread {@link TaskMailbox#put}s {@link #BATCH}
 *       prebuilt mails; the task thread (the JMH thread) {@link TaskMailbox#take}s and runs them,
 *       blocking when the queue is empty.</li>
 *   <li>{@code crossThreadExecute}: the path of timers, async I/O results and checkpoint triggers:
 *       the producer calls {@link MailboxExecutorImpl#execute} (one {@link Mail} allocated per call);
 *       the task thread drains the mailbox the way the task's mailbox loop does ({@code tryTake}
 *       until empty, then {@link TaskMailbox#awaitMailOr} on the not-yet-available input future).
 *       The loop itself is package-private in the runtime, so its two steps are repeated here.</li>
 *   <li>{@code sameThreadExecuteYield}: an operator enqueueing mail to its own task and running it
 *       with {@link MailboxExecutorImpl#tryYield} (uncontended lock).</li>
 *   <li>{@code idleCheck}: the loop's "any mail?" check with an empty mailbox, paid once per input
 *       record.</li>
 * </ul>
 *
 * <p>Eddy runtime internals: no Flink twin. Lifecycle: mailbox and producer thread live for the
 * trial; the producer waits on a semaphore between invocations and is interrupted in
 * {@link #tearDown()}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MailboxBenchmark {
    /** Mails per cross-thread invocation. */
    public static final int BATCH = 10_000;

    final TaskMailbox mailbox = new TaskMailbox();
    final MailboxExecutorImpl executor = new MailboxExecutorImpl(mailbox);
    /** Never completes: the task thread parks for mail only, as when its input has nothing. */
    private final CompletableFuture<Void> inputAvailable = new CompletableFuture<>();
    /** Incremented by each mail, on the task thread. */
    long ran;
    private final MailboxExecutor.ThrowingRunnable action = () -> ran++;
    private final Mail prebuilt = new Mail(action, "bench mail");
    /** One permit per batch the producer is to send; {@link #viaExecutor} says how. */
    private final Semaphore batches = new Semaphore(0);
    private volatile boolean viaExecutor;
    private Thread producer;

    @Setup(Level.Trial)
    public void setUp() {
        producer = new Thread(this::produce, "bench-mail-producer");
        producer.setDaemon(true);
        producer.start();
    }

    private void produce() {
        try {
            while (true) {
                batches.acquire();
                if (viaExecutor) {
                    for (int i = 0; i < BATCH; i++) {
                        executor.execute(action, "bench mail");
                    }
                } else {
                    for (int i = 0; i < BATCH; i++) {
                        mailbox.put(prebuilt);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long crossThreadPutTake() throws Exception {
        viaExecutor = false;
        batches.release();
        for (int i = 0; i < BATCH; i++) {
            mailbox.take().run();
        }
        return ran;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long crossThreadExecute() throws Exception {
        long target = ran + BATCH;
        viaExecutor = true;
        batches.release();
        while (ran < target) {
            Mail mail;
            while ((mail = mailbox.tryTake()) != null) {
                mail.run();
            }
            if (ran < target) {
                mailbox.awaitMailOr(inputAvailable);
            }
        }
        return ran;
    }

    @Benchmark
    public long sameThreadExecuteYield() throws Exception {
        executor.execute(action, "bench mail");
        if (!executor.tryYield()) {
            throw new IllegalStateException("The mail just enqueued was not there");
        }
        return ran;
    }

    @Benchmark
    public Mail idleCheck() {
        return mailbox.tryTake();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        producer.interrupt();
        producer.join(TimeUnit.SECONDS.toMillis(10));
        mailbox.close();
    }
}

package dev.eddy.streaming.api.operators.collect;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.DeploymentOptions;
import dev.eddy.core.execution.JobClient;
import dev.eddy.streaming.util.serialization.DataInputStreamView;
import dev.eddy.util.CloseableIterator;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The client side of {@code executeAndCollect}: listens on a TCP port, accepts the collect sink's
 * connection and reads its records (see {@link CollectSinkFunction} for the format). Iteration ends
 * when the sink sent its end marker and the job ended; a job failure is thrown from
 * {@link #hasNext()}/{@link #next()} as a RuntimeException whose cause is the job's exception.
 * {@link #close()} cancels the job if it is still running. Used by one thread.
 */
public final class CollectResultIterator<T> implements CloseableIterator<T> {
    /** Where the iterator is; see {@link #canTransitionTo}. */
    public enum State {
        /** Listening for the collect sink's (re)connection. */
        WAITING_FOR_SINK,
        /** Reading records from a connected sink. */
        READING,
        /** No more records: end marker seen, job ended, or closed. */
        ENDED;

        /** Legal moves: waiting to reading or ended; reading to waiting (connection lost) or ended. */
        public boolean canTransitionTo(State next) {
            switch (this) {
                case WAITING_FOR_SINK:
                    return next == READING || next == ENDED;
                case READING:
                    return next == WAITING_FOR_SINK || next == ENDED;
                default:
                    return false;
            }
        }
    }

    /** Config key: the address the job's collect sink connects to for remote jobs. */
    public static final String CLIENT_ADDRESS_KEY = "eddy.client.collect.address";
    /** Config key: the local address the client listens on for remote jobs (default: all interfaces). */
    public static final String BIND_ADDRESS_KEY = "eddy.client.collect.bind-address";
    private static final int ACCEPT_POLL_MS = 100;

    private final TypeSerializer<T> serializer;
    private final ServerSocket server;
    private final String advertisedHost;
    private JobClient jobClient;
    private Socket connection;
    private DataInputStream in;
    private T next;
    private State state = State.WAITING_FOR_SINK;

    private CollectResultIterator(TypeSerializer<T> serializer, ServerSocket server, String advertisedHost) {
        this.serializer = serializer;
        this.server = server;
        this.advertisedHost = advertisedHost;
    }

    /** Opens the listening socket: loopback for local jobs, all interfaces plus an advertised address otherwise. */
    public static <T> CollectResultIterator<T> open(TypeSerializer<T> serializer, Configuration configuration) throws IOException {
        boolean local = "local".equals(configuration.get(DeploymentOptions.TARGET));
        ServerSocket server = new ServerSocket();
        try {
            String host;
            if (local) {
                InetAddress loopback = InetAddress.getLoopbackAddress();
                server.bind(new InetSocketAddress(loopback, 0));
                host = loopback.getHostAddress();
            } else {
                String bind = configuration.getString(BIND_ADDRESS_KEY, null);
                server.bind(bind == null ? new InetSocketAddress(0) : new InetSocketAddress(bind, 0));
                host = configuration.getString(CLIENT_ADDRESS_KEY, null);
                if (host == null) {
                    host = InetAddress.getLocalHost().getHostAddress();
                }
            }
            server.setSoTimeout(ACCEPT_POLL_MS);
            return new CollectResultIterator<>(serializer, server, host);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public String getAdvertisedHost() {
        return advertisedHost;
    }

    public int getPort() {
        return server.getLocalPort();
    }

    /** Called once the job is submitted. */
    public void setJobClient(JobClient jobClient) {
        this.jobClient = jobClient;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (state == State.ENDED) {
            return false;
        }
        try {
            next = fetch();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading collected results failed: " + e.getMessage(), e);
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more collected results");
        }
        T result = next;
        next = null;
        return result;
    }

    /** The next record, or null at the end (after the job ended successfully). */
    private T fetch() throws IOException {
        while (true) {
            if (state == State.WAITING_FOR_SINK && !accept()) {
                finishWithJobResult();
                return null;
            }
            int length;
            byte[] bytes;
            try {
                length = in.readInt();
                if (length == CollectSinkFunction.END_MARKER) {
                    closeConnection();
                    finishWithJobResult();
                    return null;
                }
                bytes = new byte[length];
                in.readFully(bytes);
            } catch (IOException e) {
                // the sink went away without an end marker: the job failed or restarts
                closeConnection();
                continue;
            }
            return serializer.deserialize(new DataInputStreamView(new ByteArrayInputStream(bytes)));
        }
    }

    /** Waits for the sink's connection; false if the job ended without one (more) arriving. */
    private boolean accept() throws IOException {
        boolean lastTry = false;
        while (true) {
            try {
                Socket socket = server.accept();
                DataInputStream stream = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                if (stream.readInt() != CollectSinkFunction.MAGIC) {
                    socket.close();
                    continue;
                }
                connection = socket;
                in = stream;
                transition(State.READING);
                return true;
            } catch (SocketTimeoutException e) {
                if (lastTry) {
                    return false;
                }
                lastTry = jobClient != null && jobClient.getJobExecutionResult().isDone();
            }
        }
    }

    public State getState() {
        return state;
    }

    private void transition(State next) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateException("Collect iterator cannot go from " + state + " to " + next);
        }
        state = next;
    }

    private void finishWithJobResult() {
        transition(State.ENDED);
        if (jobClient == null) {
            return;
        }
        CompletableFuture<?> result = jobClient.getJobExecutionResult();
        try {
            result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException("Interrupted while waiting for job " + jobClient.getJobID() + " to end", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new RuntimeException("Job " + jobClient.getJobID() + " failed while collecting its results: "
                    + cause.getMessage(), cause);
        }
    }

    private void closeConnection() {
        if (state == State.READING) {
            transition(State.WAITING_FOR_SINK);
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
        connection = null;
        in = null;
    }

    @Override
    public void close() throws Exception {
        next = null;
        closeConnection();
        if (state != State.ENDED) {
            transition(State.ENDED);
        }
        server.close();
        if (jobClient != null && !jobClient.getJobExecutionResult().isDone()) {
            jobClient.cancel();
        }
    }
}

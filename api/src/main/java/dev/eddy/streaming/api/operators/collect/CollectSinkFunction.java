package dev.eddy.streaming.api.operators.collect;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.functions.sink.legacy.RichSinkFunction;
import dev.eddy.streaming.util.serialization.DataOutputStreamView;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The sink of {@code executeAndCollect}: connects to the client's {@link CollectResultIterator}
 * when opened and streams each record to it, flushed per record. Wire format (big endian): the
 * int {@link #MAGIC}, then per record an int length and the {@link TypeSerializer} bytes, and at
 * the end of input the int {@link #END_MARKER}. Runs with parallelism 1, on the task thread.
 */
public class CollectSinkFunction<T> extends RichSinkFunction<T> {
    private static final long serialVersionUID = 1L;
    static final int MAGIC = 0xEDD1C011;
    static final int END_MARKER = -1;
    private static final int CONNECT_TIMEOUT_MS = 30_000;

    private final TypeSerializer<T> serializer;
    private final String host;
    private final int port;
    private transient Socket socket;
    private transient DataOutputStream out;
    private transient ByteArrayOutputStream recordBytes;
    private transient DataOutputStreamView recordView;

    public CollectSinkFunction(TypeSerializer<T> serializer, String host, int port) {
        this.serializer = serializer;
        this.host = host;
        this.port = port;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            throw new IOException("The collect sink could not connect to the client at " + host + ":" + port
                    + " (" + e.getMessage() + "). If the client is behind another address, set eddy.client.collect.address", e);
        }
        socket.setTcpNoDelay(true);
        out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
        recordBytes = new ByteArrayOutputStream(256);
        recordView = new DataOutputStreamView(recordBytes);
        out.writeInt(MAGIC);
        out.flush();
    }

    @Override
    public void invoke(T value, Context context) throws Exception {
        recordBytes.reset();
        serializer.serialize(value, recordView);
        recordView.flush();
        out.writeInt(recordBytes.size());
        recordBytes.writeTo(out);
        out.flush();
    }

    @Override
    public void finish() throws Exception {
        out.writeInt(END_MARKER);
        out.flush();
    }

    @Override
    public void close() throws Exception {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}

package dev.eddy.runtime.coordination;

import com.google.protobuf.ByteString;
import dev.eddy.api.connector.source.SourceEvent;
import dev.eddy.proto.AddSplitEventProto;
import dev.eddy.proto.NoMoreSplitsEventProto;
import dev.eddy.proto.OperatorEventProto;
import dev.eddy.proto.ReaderRegistrationEventProto;
import dev.eddy.proto.RequestSplitEventProto;
import dev.eddy.runtime.operators.coordination.OperatorEvent;
import dev.eddy.runtime.source.event.AddSplitEvent;
import dev.eddy.runtime.source.event.NoMoreSplitsEvent;
import dev.eddy.runtime.source.event.ReaderRegistrationEvent;
import dev.eddy.runtime.source.event.RequestSplitEvent;
import dev.eddy.runtime.source.event.SourceEventWrapper;
import dev.eddy.runtime.util.InstantiationUtil;
import dev.eddy.util.RestrictedObjectInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps operator events to their control-plane messages and back. The built-in events have explicit
 * protobuf encodings (splits stay the bytes of the source's versioned split serializer); no Java
 * serialization is involved for them. A user {@link SourceEvent} (a {@code Serializable} user class,
 * as in Flink) is Java-serialized, and read in the job's class loader (on both the TaskManager and
 * the JobManager) only through {@link RestrictedObjectInput}'s class filter and size limits, never
 * with a plain {@code ObjectInputStream}. Stateless, thread-safe.
 */
public final class OperatorEventCodec {
    /** The deepest object nesting a user source event may have (events are small messages). */
    static final int MAX_SOURCE_EVENT_DEPTH = 32;

    private OperatorEventCodec() {}

    /** @throws IllegalArgumentException if the event is of no known kind or a source event cannot be serialized */
    public static OperatorEventProto toProto(OperatorEvent event) {
        OperatorEventProto.Builder b = OperatorEventProto.newBuilder();
        if (event instanceof ReaderRegistrationEvent r) {
            b.setReaderRegistration(ReaderRegistrationEventProto.newBuilder().setSubtaskIndex(r.subtaskId())
                    .setLocation(r.location() == null ? "" : r.location()));
        } else if (event instanceof RequestSplitEvent r) {
            b.setRequestSplit(RequestSplitEventProto.newBuilder().setHostName(r.hostName() == null ? "" : r.hostName()));
        } else if (event instanceof SourceEventWrapper w) {
            try {
                b.setSourceEvent(ByteString.copyFrom(InstantiationUtil.serializeObject(w.sourceEvent())));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("Source event " + w.sourceEvent().getClass().getName()
                        + " cannot be Java-serialized (" + e + "); make it and everything it references Serializable", e);
            }
        } else if (event instanceof AddSplitEvent a) {
            AddSplitEventProto.Builder add = AddSplitEventProto.newBuilder().setSerializerVersion(a.serializerVersion());
            for (byte[] split : a.splits()) {
                add.addSplits(ByteString.copyFrom(split));
            }
            b.setAddSplits(add);
        } else if (event instanceof NoMoreSplitsEvent) {
            b.setNoMoreSplits(NoMoreSplitsEventProto.getDefaultInstance());
        } else {
            throw new IllegalArgumentException("Operator event " + event.getClass().getName() + " has no control-plane message");
        }
        return b.build();
    }

    /**
     * @param userClassLoader the job's class loader (for custom source events)
     * @throws IOException if a source event cannot be read (a
     *     {@link RestrictedObjectInput.RejectedClassException} if it holds a class that is not
     *     admitted or exceeds the size limits) or the message holds no event
     */
    public static OperatorEvent fromProto(OperatorEventProto proto, ClassLoader userClassLoader) throws IOException {
        switch (proto.getEventCase()) {
            case READER_REGISTRATION:
                return new ReaderRegistrationEvent(proto.getReaderRegistration().getSubtaskIndex(),
                        emptyToNull(proto.getReaderRegistration().getLocation()));
            case REQUEST_SPLIT:
                return new RequestSplitEvent(emptyToNull(proto.getRequestSplit().getHostName()));
            case SOURCE_EVENT:
                return new SourceEventWrapper(readSourceEvent(proto.getSourceEvent().toByteArray(), userClassLoader));
            case ADD_SPLITS:
                List<byte[]> splits = new ArrayList<>(proto.getAddSplits().getSplitsCount());
                proto.getAddSplits().getSplitsList().forEach(s -> splits.add(s.toByteArray()));
                return new AddSplitEvent(proto.getAddSplits().getSerializerVersion(), splits);
            case NO_MORE_SPLITS:
                return new NoMoreSplitsEvent();
            default:
                throw new IOException("Operator event message without an event (" + proto.getEventCase() + ")");
        }
    }

    /**
     * Reads a user source event through {@link RestrictedObjectInput}: these bytes come over gRPC
     * from another process, so only the job's classes and JDK value types are admitted and the
     * graph is bounded by the message size. A refusal fails this one event's delivery only.
     */
    private static SourceEvent readSourceEvent(byte[] bytes, ClassLoader userClassLoader) throws IOException {
        try {
            SourceEvent event = RestrictedObjectInput.read(bytes, "a source event", SourceEvent.class, MAX_SOURCE_EVENT_DEPTH,
                    userClassLoader);
            if (event == null) {
                throw new IOException("A source event message holds null, not a SourceEvent");
            }
            return event;
        } catch (ClassNotFoundException e) {
            throw new IOException("Cannot read a source event: class " + e.getMessage() + " is not in the job's class loader", e);
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}

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
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps operator events to their control-plane messages and back. Splits stay the bytes of the
 * source's split serializer; a user {@link SourceEvent} is Java-serialized and read in the job's
 * class loader (on both the TaskManager and the JobManager). Stateless, thread-safe.
 */
public final class OperatorEventCodec {
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
     * @throws IOException if a source event cannot be read or the message holds no event
     */
    public static OperatorEvent fromProto(OperatorEventProto proto, ClassLoader userClassLoader) throws IOException {
        switch (proto.getEventCase()) {
            case READER_REGISTRATION:
                return new ReaderRegistrationEvent(proto.getReaderRegistration().getSubtaskIndex(),
                        emptyToNull(proto.getReaderRegistration().getLocation()));
            case REQUEST_SPLIT:
                return new RequestSplitEvent(emptyToNull(proto.getRequestSplit().getHostName()));
            case SOURCE_EVENT:
                try {
                    Object o = InstantiationUtil.deserializeObject(proto.getSourceEvent().toByteArray(), userClassLoader);
                    if (!(o instanceof SourceEvent)) {
                        throw new IOException("A source event message holds a " + o.getClass().getName() + ", not a SourceEvent");
                    }
                    return new SourceEventWrapper((SourceEvent) o);
                } catch (ClassNotFoundException e) {
                    throw new IOException("Cannot read a source event: class " + e.getMessage()
                            + " is not in the job's class loader", e);
                }
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

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}

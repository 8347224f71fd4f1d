package dev.eddy.runtime.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.eddy.api.connector.source.SourceEvent;
import dev.eddy.proto.OperatorEventProto;
import dev.eddy.runtime.source.event.AddSplitEvent;
import dev.eddy.runtime.source.event.NoMoreSplitsEvent;
import dev.eddy.runtime.source.event.ReaderRegistrationEvent;
import dev.eddy.runtime.source.event.RequestSplitEvent;
import dev.eddy.runtime.source.event.SourceEventWrapper;
import dev.eddy.runtime.util.InstantiationUtil;
import dev.eddy.util.RestrictedObjectInput;
import java.io.IOException;
import java.io.Serializable;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorEventCodecTest {
    record Progress(int reader, Map<String, List<Long>> offsets) implements SourceEvent {}

    private static final ClassLoader LOADER = OperatorEventCodecTest.class.getClassLoader();

    private static OperatorEventProto sourceEventBytes(Serializable payload) throws IOException {
        return OperatorEventProto.newBuilder().setSourceEvent(ByteString.copyFrom(InstantiationUtil.serializeObject(payload))).build();
    }

    @Test
    void builtInEventsUseTheirProtobufEncodingsAndRoundTrip() throws Exception {
        OperatorEventProto reg = OperatorEventCodec.toProto(new ReaderRegistrationEvent(3, "host"));
        assertThat(reg.getEventCase()).isEqualTo(OperatorEventProto.EventCase.READER_REGISTRATION);
        assertThat(OperatorEventCodec.fromProto(reg, LOADER)).isEqualTo(new ReaderRegistrationEvent(3, "host"));
        assertThat(OperatorEventCodec.fromProto(OperatorEventCodec.toProto(new RequestSplitEvent(null)), LOADER))
                .isEqualTo(new RequestSplitEvent(null));
        AddSplitEvent add = (AddSplitEvent) OperatorEventCodec.fromProto(
                OperatorEventCodec.toProto(new AddSplitEvent(2, List.of(new byte[] {1, 2}))), LOADER);
        assertThat(add.serializerVersion()).isEqualTo(2);
        assertThat(add.splits()).containsExactly(new byte[] {1, 2});
        assertThat(OperatorEventCodec.fromProto(OperatorEventCodec.toProto(new NoMoreSplitsEvent()), LOADER))
                .isInstanceOf(NoMoreSplitsEvent.class);
    }

    @Test
    void aUserSourceEventOfJobClassesAndJdkCollectionsRoundTrips() throws Exception {
        Progress p = new Progress(1, new HashMap<>(Map.of("split-0", new ArrayList<>(List.of(4L, 5L)))));
        SourceEventWrapper back = (SourceEventWrapper) OperatorEventCodec.fromProto(
                OperatorEventCodec.toProto(new SourceEventWrapper(p)), LOADER);
        assertThat(back.sourceEvent()).isEqualTo(p);
    }

    @Test
    void aSourceEventMessageWithADisallowedClassIsRefusedWithAClearMessage() throws Exception {
        HashMap<Object, Object> gadget = new HashMap<>();
        gadget.put(new URL("http://attacker.invalid/"), "dns lookup on hashCode");
        assertThatThrownBy(() -> OperatorEventCodec.fromProto(sourceEventBytes(gadget), LOADER))
                .isInstanceOf(RestrictedObjectInput.RejectedClassException.class)
                .hasMessageContaining("Refused to deserialize a source event: class java.net.URL is not admitted");

        // hidden inside an otherwise valid event, too
        HashMap<Object, Object> inner = new HashMap<>();
        inner.put(new URL("http://attacker.invalid/"), "x");
        Map<String, List<Long>> sneaky = new HashMap<>();
        sneaky.put("k", new ArrayList<>(List.of()));
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Object> raw = (List) sneaky.get("k");
        raw.add(inner);
        assertThatThrownBy(() -> OperatorEventCodec.fromProto(sourceEventBytes(new Progress(0, sneaky)), LOADER))
                .isInstanceOf(RestrictedObjectInput.RejectedClassException.class).hasMessageContaining("java.net.URL");
    }

    @Test
    void aSourceEventMessageHoldingSomethingElseIsAnError() {
        assertThatThrownBy(() -> OperatorEventCodec.fromProto(sourceEventBytes(new ArrayList<>(List.of("x"))), LOADER))
                .isInstanceOf(IOException.class).hasMessageContaining("not a dev.eddy.api.connector.source.SourceEvent");
        assertThatThrownBy(() -> OperatorEventCodec.fromProto(
                OperatorEventProto.newBuilder().setSourceEvent(ByteString.copyFrom(new byte[] {1, 2, 3})).build(), LOADER))
                .isInstanceOf(IOException.class);
    }
}

package dev.eddy.api.java.typeutils.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import java.io.IOException;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

class JavaSerializerTest {
    /** A plain serializable class (no built-in serializer). */
    static final class Node implements Serializable {
        private static final long serialVersionUID = 1L;
        final int value;
        final Node next;

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    private static Node chain(int length) {
        Node n = null;
        for (int i = 0; i < length; i++) {
            n = new Node(i, n);
        }
        return n;
    }

    private static Node roundTrip(JavaSerializer<Node> s, Node value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.serialize(value, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        return s.deserialize(in);
    }

    @Test
    void ordinaryObjectsRoundTrip() throws IOException {
        Node back = roundTrip(new JavaSerializer<>(Node.class), chain(20));
        assertThat(back.value).isEqualTo(19);
        assertThat(back.next.next.value).isEqualTo(17);
    }

    @Test
    void graphsDeeperThanTheFilterAllowsAreRefused() {
        assertThatThrownBy(() -> roundTrip(new JavaSerializer<>(Node.class), chain(500)))
                .isInstanceOf(java.io.InvalidClassException.class).hasMessageContaining("deeper than 100 levels");
    }
}

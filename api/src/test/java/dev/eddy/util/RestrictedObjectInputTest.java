package dev.eddy.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.collections.functors.FakeGadget;
import org.junit.jupiter.api.Test;

class RestrictedObjectInputTest {
    record Progress(String reader, List<Long> offsets, Map<String, LocalDate> days) implements Serializable {}

    interface SerialRunnable extends Runnable, Serializable {}

    static final class Handler implements InvocationHandler, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) {
            return null;
        }
    }

    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object read(Object value) throws Exception {
        return RestrictedObjectInput.read(serialize(value), "a test payload", null, 32, RestrictedObjectInputTest.class.getClassLoader());
    }

    @Test
    void jobClassesAndJdkValueTypesAreAdmitted() throws Exception {
        Map<String, LocalDate> days = new TreeMap<>(Map.of("a", LocalDate.of(2024, 1, 2)));
        Progress p = new Progress("r1", new ArrayList<>(List.of(1L, 2L)), days);
        assertThat(read(p)).isEqualTo(p);
        assertThat(read(List.of(new AtomicLong(5).get(), new int[] {1, 2}.length))).isEqualTo(List.of(5L, 2));
        assertThat(read(new String[][] {{"x"}})).isInstanceOf(String[][].class);
    }

    @Test
    void aJdkClassOutsideTheValueTypesIsRefusedWithAClearMessage() throws Exception {
        // the URLDNS gadget: a HashMap whose key's hashCode does a DNS lookup on deserialization
        HashMap<Object, String> map = new HashMap<>();
        map.put(new URL("http://example.invalid/"), "x");
        assertThatThrownBy(() -> read(map)).isInstanceOf(RestrictedObjectInput.RejectedClassException.class)
                .hasMessageContaining("Refused to deserialize a test payload: class java.net.URL is not admitted")
                .hasMessageContaining("JDK class outside the admitted value types");
    }

    @Test
    void aClassOfAKnownGadgetLibraryIsRefusedBeforeItsReadObjectRuns() throws Exception {
        FakeGadget.deserialized = false;
        assertThatThrownBy(() -> read(new ArrayList<>(List.of(new FakeGadget()))))
                .isInstanceOf(RestrictedObjectInput.RejectedClassException.class)
                .hasMessageContaining("org.apache.commons.collections.functors.FakeGadget")
                .hasMessageContaining("known deserialization gadgets");
        assertThat(FakeGadget.deserialized).isFalse();
    }

    @Test
    void dynamicProxiesAreRefused() throws Exception {
        Object proxy = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SerialRunnable.class},
                new Handler());
        assertThatThrownBy(() -> read(proxy)).isInstanceOf(RestrictedObjectInput.RejectedClassException.class)
                .hasMessageContaining("dynamic proxy");
    }

    @Test
    void graphsAndArraysAreBoundedByTheInput() throws Exception {
        List<Object> deep = new ArrayList<>();
        List<Object> inner = deep;
        for (int i = 0; i < 40; i++) {
            List<Object> next = new ArrayList<>();
            inner.add(next);
            inner = next;
        }
        assertThatThrownBy(() -> read(deep)).isInstanceOf(RestrictedObjectInput.RejectedClassException.class)
                .hasMessageContaining("deeper than 32 levels");

        // a stream claiming an array far longer than its bytes (memory exhaustion): patch the length of a long[1]
        byte[] bytes = serialize(new long[] {7L});
        int at = bytes.length - 8 - 4; // the int length sits right before the single element
        bytes[at] = 0x7f;
        assertThatThrownBy(() -> RestrictedObjectInput.read(bytes, "a test payload", null, 32))
                .isInstanceOf(RestrictedObjectInput.RejectedClassException.class)
                .hasMessageContaining("declares an array of");
    }

    @Test
    void aRootOfTheWrongTypeIsAnError() throws Exception {
        assertThatThrownBy(() -> RestrictedObjectInput.read(serialize(new ArrayList<>()), "a test payload", Progress.class, 8))
                .isInstanceOf(IOException.class).hasMessageContaining("holds a java.util.ArrayList, not a");
    }
}

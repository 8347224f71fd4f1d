package dev.eddy.util;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one way Eddy reads Java-serialized bytes that come from another process (records of the
 * opt-in Java serialization fallback off the data port, user {@code SourceEvent}s off the control
 * plane). Such bytes must never reach an unfiltered {@link ObjectInputStream}: whoever can reach a
 * port could otherwise make the reader instantiate any serializable class on its class path
 * ("deserialization gadgets").
 *
 * <p>The {@linkplain #filter filter} admits:
 * <ul>
 *   <li>classes not loaded by the JDK's boot or platform loader (the job's classes and libraries,
 *       found through the given class loaders), except those in {@linkplain #DENIED_PACKAGES
 *       packages of libraries known to carry gadgets} (commons-collections, groovy, spring, ...,
 *       listed in the resource {@code denied-deserialization-packages.txt});
 *   <li>from the JDK only value types: {@linkplain #JDK_PACKAGES java.lang, java.util,
 *       java.util.concurrent(.atomic), java.time, java.math} and a few single classes
 *       ({@link #JDK_CLASSES}); everything else of the JDK ({@code javax.management},
 *       {@code java.rmi}, {@code java.net.URL}, {@code sun.*}, {@code java.lang.reflect},
 *       {@code java.lang.invoke.SerializedLambda}, ...) and every dynamic proxy is refused;
 *   <li>arrays of admitted component types.
 * </ul>
 * and bounds the object graph by the size of the input: depth at most {@code maxDepth}, no array
 * longer and no more references than the input has bytes. A refusal surfaces as a
 * {@link RejectedClassException} whose message names the class or limit and what to do.
 *
 * <p>Stateless; thread-safe. Each read uses its own stream and filter instance.
 */
public final class RestrictedObjectInput {
    /** JDK packages whose serializable classes are plain values or collections. */
    static final Set<String> JDK_PACKAGES = Set.of("java.lang", "java.util", "java.util.concurrent",
            "java.util.concurrent.atomic", "java.time", "java.time.chrono", "java.time.zone", "java.time.temporal",
            "java.time.format", "java.math");
    /** Single JDK value classes outside {@link #JDK_PACKAGES}. */
    static final Set<String> JDK_CLASSES = Set.of("java.net.URI", "java.io.File", "java.sql.Date", "java.sql.Time",
            "java.sql.Timestamp", "java.text.SimpleDateFormat", "java.text.DecimalFormat", "java.text.DateFormatSymbols",
            "java.text.DecimalFormatSymbols");
    /**
     * Package prefixes of libraries with known deserialization gadget chains (and JDK internals),
     * refused even on the class path; listed in {@value #DENIED_PACKAGES_RESOURCE}.
     */
    static final List<String> DENIED_PACKAGES = loadDeniedPackages();
    static final String DENIED_PACKAGES_RESOURCE = "denied-deserialization-packages.txt";

    private RestrictedObjectInput() {}

    /**
     * Reads one object from {@code data}.
     *
     * @param what what the bytes are, for messages ("a source event", "a record of type X")
     * @param rootType the type the root object must have (checked after reading), or null for any
     * @param maxDepth the deepest nesting of objects allowed
     * @param loaders where classes are looked up, in order (nulls skipped); then the default lookup
     * @throws RejectedClassException if the filter refused a class or a limit was exceeded
     * @throws IOException if the bytes are no valid object stream, or the root has another type
     * @throws ClassNotFoundException if a class is in none of the loaders
     */
    public static <T> T read(byte[] data, String what, Class<T> rootType, int maxDepth, ClassLoader... loaders)
            throws IOException, ClassNotFoundException {
        Filter filter = new Filter(what, maxDepth, data.length);
        Object value;
        try (Stream in = new Stream(data, loaders)) {
            in.setObjectInputFilter(filter);
            value = in.readObject();
        } catch (InvalidClassException e) {
            if (filter.rejection != null) {
                throw new RejectedClassException(filter.rejection, e);
            }
            throw e;
        }
        if (rootType != null && value != null && !rootType.isInstance(value)) {
            throw new IOException(what + " holds a " + value.getClass().getName() + ", not a " + rootType.getName());
        }
        return rootType == null ? uncheckedCast(value) : rootType.cast(value);
    }

    private static List<String> loadDeniedPackages() {
        try (InputStream in = RestrictedObjectInput.class.getResourceAsStream(DENIED_PACKAGES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + DENIED_PACKAGES_RESOURCE + " is missing next to "
                        + RestrictedObjectInput.class.getName() + "; the eddy-api jar is incomplete");
            }
            List<String> prefixes = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String prefix = line.strip();
                if (!prefix.isEmpty() && !prefix.startsWith("#")) {
                    prefixes.add(prefix);
                }
            }
            return List.copyOf(prefixes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DENIED_PACKAGES_RESOURCE + " of the eddy-api jar", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T uncheckedCast(Object value) {
        return (T) value;
    }

    /** Why {@code cls} may not be deserialized, or null if it may. */
    static String refusal(Class<?> cls) {
        Class<?> c = cls;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive()) {
            return null;
        }
        if (Proxy.isProxyClass(c)) {
            return "it is a dynamic proxy (" + String.join(", ", List.of(c.getInterfaces()).stream().map(Class::getName).toList()) + ")";
        }
        ClassLoader loader = c.getClassLoader();
        String name = c.getName();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            if (JDK_PACKAGES.contains(c.getPackageName()) || JDK_CLASSES.contains(name)) {
                return null;
            }
            return "it is a JDK class outside the admitted value types (java.lang, java.util, java.time, java.math)";
        }
        for (String denied : DENIED_PACKAGES) {
            if (name.startsWith(denied)) {
                return "its package " + denied + "* belongs to a library with known deserialization gadgets";
            }
        }
        return null;
    }

    /** A refused class or an exceeded limit; the message says which and what to do. */
    public static final class RejectedClassException extends InvalidClassException {
        private static final long serialVersionUID = 1L;

        RejectedClassException(String message, InvalidClassException cause) {
            super(message);
            initCause(cause);
        }
    }

    /** One read's filter: remembers why it refused, so the caller can say so. Not thread-safe (one stream). */
    private static final class Filter implements ObjectInputFilter {
        private final String what;
        private final long maxDepth;
        private final long maxBytes;
        private final long maxRefs;
        String rejection;

        Filter(String what, int maxDepth, int inputBytes) {
            this.what = what;
            this.maxDepth = maxDepth;
            this.maxBytes = inputBytes;
            this.maxRefs = Math.max(64, inputBytes);
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > maxDepth) {
                return reject("its object graph is deeper than " + maxDepth + " levels");
            }
            if (info.references() > maxRefs) {
                return reject("it holds more than " + maxRefs + " object references");
            }
            if (info.arrayLength() > maxBytes) {
                return reject("it declares an array of " + info.arrayLength() + " elements in " + maxBytes + " bytes");
            }
            if (info.streamBytes() > maxBytes) {
                return reject("it reads past its " + maxBytes + " bytes");
            }
            Class<?> cls = info.serialClass();
            if (cls == null) {
                return Status.ALLOWED;
            }
            String why = refusal(cls);
            return why == null ? Status.ALLOWED : reject("class " + cls.getName() + " is not admitted: " + why);
        }

        private Status reject(String why) {
            if (rejection == null) {
                rejection = "Refused to deserialize " + what + ": " + why + ". Only the job's own classes and JDK value"
                        + " types (java.lang, java.util, java.time, java.math) are accepted from another process;"
                        + " send plain data instead (or, if these bytes are not yours, someone sent crafted input)";
            }
            return Status.REJECTED;
        }
    }

    /** Resolves classes through the given loaders first. */
    private static final class Stream extends ObjectInputStream {
        private final ClassLoader[] loaders;

        Stream(byte[] data, ClassLoader[] loaders) throws IOException {
            super(new ByteArrayInputStream(data));
            this.loaders = loaders;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            for (ClassLoader loader : loaders) {
                if (loader != null) {
                    try {
                        return Class.forName(desc.getName(), false, loader);
                    } catch (ClassNotFoundException ignored) {
                        // try the next loader
                    }
                }
            }
            return super.resolveClass(desc);
        }
    }
}

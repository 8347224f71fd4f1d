package bench.nexmark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * The SHA-256 of all lines of all files in a directory, sorted in unsigned byte order (as
 * {@code memcmp}, a line before its extensions) and each followed by {@code '\n'}: the digest of
 * {@code LC_ALL=C sort dir/* | sha256sum}. Checked by hand once on the kept output of a q3 and a q0
 * run on both engines ({@code NexmarkRunner ... --keep-output DIR}), where the two agreed. A line is
 * what lies between {@code '\n'} bytes; a last line without one counts, as with {@code sort}.
 *
 * <p>Sorts in memory up to a byte budget; more lines are sorted in runs spilled to temporary files
 * and merged, so outputs larger than the heap can be digested. Single-threaded; call after the job
 * finished writing the files.
 */
public final class SortedLinesDigest {
    /** Guessed heap cost of one line beyond its bytes (array header, list slot). */
    private static final int LINE_OVERHEAD = 32;
    private static final Comparator<byte[]> BYTE_ORDER = Arrays::compareUnsigned;

    private SortedLinesDigest() {}

    /** The digest as 64 lower-case hex digits, sorting in memory up to a quarter of the max heap. */
    public static String sha256(Path dir) throws IOException {
        return sha256(dir, Runtime.getRuntime().maxMemory() / 4);
    }

    /** The digest as 64 lower-case hex digits, spilling sorted runs beyond {@code memoryBytes}. */
    public static String sha256(Path dir, long memoryBytes) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        MessageDigest digest = newSha256();
        List<Path> runs = new ArrayList<>();
        Path spillDir = null;
        try {
            List<byte[]> chunk = new ArrayList<>();
            long chunkBytes = 0;
            for (Path file : files) {
                try (LineReader reader = new LineReader(Files.newInputStream(file))) {
                    for (byte[] line = reader.next(); line != null; line = reader.next()) {
                        chunk.add(line);
                        chunkBytes += line.length + LINE_OVERHEAD;
                        if (chunkBytes >= memoryBytes) {
                            if (spillDir == null) {
                                spillDir = Files.createTempDirectory("nexmark-sort");
                            }
                            runs.add(spill(chunk, spillDir.resolve("run-" + runs.size())));
                            chunk.clear();
                            chunkBytes = 0;
                        }
                    }
                }
            }
            chunk.sort(BYTE_ORDER);
            if (runs.isEmpty()) {
                for (byte[] line : chunk) {
                    update(digest, line);
                }
            } else {
                if (!chunk.isEmpty()) {
                    runs.add(spill(chunk, spillDir.resolve("run-" + runs.size())));
                }
                chunk.clear();
                merge(runs, digest);
            }
        } finally {
            for (Path run : runs) {
                Files.deleteIfExists(run);
            }
            if (spillDir != null) {
                Files.deleteIfExists(spillDir);
            }
        }
        return toHex(digest.digest());
    }

    private static Path spill(List<byte[]> chunk, Path file) throws IOException {
        chunk.sort(BYTE_ORDER);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (byte[] line : chunk) {
                out.write(line);
                out.write('\n');
            }
        }
        return file;
    }

    /** Feeds the lines of the sorted {@code runs} to {@code digest} in order (a k-way merge). */
    private static void merge(List<Path> runs, MessageDigest digest) throws IOException {
        record Head(byte[] line, LineReader reader) {}
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::line, BYTE_ORDER));
        List<LineReader> readers = new ArrayList<>();
        try {
            for (Path run : runs) {
                LineReader reader = new LineReader(Files.newInputStream(run));
                readers.add(reader);
                byte[] first = reader.next();
                if (first != null) {
                    heads.add(new Head(first, reader));
                }
            }
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                update(digest, head.line());
                byte[] next = head.reader().next();
                if (next != null) {
                    heads.add(new Head(next, head.reader()));
                }
            }
        } finally {
            for (LineReader reader : readers) {
                reader.close();
            }
        }
    }

    private static void update(MessageDigest digest, byte[] line) {
        digest.update(line);
        digest.update((byte) '\n');
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM offers no SHA-256 MessageDigest, which every Java SE must", e);
        }
    }

    private static String toHex(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }

    /** Splits a stream into {@code '\n'}-separated byte lines; not thread-safe. */
    private static final class LineReader implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private byte[] line = new byte[256];

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line without its {@code '\n'}, or null at the end of the stream. */
        byte[] next() throws IOException {
            int length = 0;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return length > 0 ? Arrays.copyOf(line, length) : null;
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int n = position - start;
                if (length + n > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
                }
                System.arraycopy(buffer, start, line, length, n);
                length += n;
                if (position < limit) {
                    position++; // the '\n'
                    return Arrays.copyOf(line, length);
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

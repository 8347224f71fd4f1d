package dev.eddy.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reading job outputs back. */
public final class Outputs {
    private static final Pattern TUPLE2 = Pattern.compile("^(?:\\d+> )?\\(([^,]+),(\\d+)\\)$");

    private Outputs() {}

    /** Expected word counts computed the way WordCount tokenizes. */
    public static Map<String, Long> expectedWordCounts(String text) {
        Map<String, Long> counts = new TreeMap<>();
        for (String token : text.toLowerCase().split("\\W+")) {
            if (!token.isEmpty()) {
                counts.merge(token, 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Final (largest) count per word from "(word,count)" lines, optionally prefixed "n> ". */
    public static Map<String, Long> finalCounts(String lines) {
        Map<String, Long> counts = new TreeMap<>();
        lines.lines().forEach(line -> {
            Matcher m = TUPLE2.matcher(line.trim());
            if (m.matches()) {
                counts.merge(m.group(1), Long.parseLong(m.group(2)), Math::max);
            }
        });
        return counts;
    }

    /** Content of every non-hidden regular file under dir. */
    public static String readAllVisible(Path dir) {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")) {
                    sb.append(Files.readString(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** Reads KeyedCountJob's "key,count" files. */
    public static Map<Long, Long> keyedCounts(Path dir) {
        Map<Long, Long> counts = new HashMap<>();
        readAllVisible(dir).lines().filter(l -> !l.isBlank()).forEach(l -> {
            String[] p = l.split(",");
            if (counts.put(Long.parseLong(p[0]), Long.parseLong(p[1])) != null) {
                throw new AssertionError("Key " + p[0] + " written by two subtasks");
            }
        });
        return counts;
    }

    /** A text with a known, skewed word distribution. */
    public static String sampleText(int lines) {
        StringBuilder sb = new StringBuilder();
        String[] words = {"stream", "eddy", "river", "flow", "current", "tide", "wave", "delta", "brook", "rapids"};
        for (int i = 0; i < lines; i++) {
            for (int j = 0; j <= i % 7; j++) {
                sb.append(words[(i * 31 + j * 7) % words.length]).append(j % 3 == 0 ? ", " : " ");
            }
            sb.append("Stream!\n");
        }
        return sb.toString();
    }
}

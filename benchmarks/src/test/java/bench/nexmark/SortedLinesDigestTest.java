package bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedLinesDigestTest {
    @TempDir
    Path dir;

    /** SHA-256 of the text, computed here independently of the class under test. */
    private static String sha256(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    @Test
    void digestsTheLinesOfAllFilesSortedInByteOrder() throws Exception {
        // U+FF21 (UTF-8 EF BC A1) sorts before U+1F600 (F0 9F 98 80) by bytes, after it by UTF-16 chars
        Files.writeString(dir.resolve("part-1-0"), "b\n\uD83D\uDE00\nab\n");
        Files.writeString(dir.resolve("part-0-0"), "\uFF21\nb\na\n");
        Files.writeString(dir.resolve("part-2-0"), "");
        String expected = sha256("a\nab\nb\nb\n\uFF21\n\uD83D\uDE00\n");
        assertThat(SortedLinesDigest.sha256(dir)).isEqualTo(expected);
    }

    @Test
    void spilledRunsGiveTheSameDigestAsSortingInMemory() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            text.append("line ").append((i * 7919) % 2_000).append(i % 3 == 0 ? "" : "x").append('\n');
        }
        Files.writeString(dir.resolve("part-0-0"), text);
        Files.writeString(dir.resolve("part-1-0"), text);
        String inMemory = SortedLinesDigest.sha256(dir);
        assertThat(SortedLinesDigest.sha256(dir, 1_000)).isEqualTo(inMemory);
        assertThat(inMemory).hasSize(64).isNotEqualTo(sha256(text.toString() + text));
    }

    @Test
    void aLastLineWithoutNewlineCountsAndNoFilesDigestNothing() throws Exception {
        assertThat(SortedLinesDigest.sha256(dir)).isEqualTo(sha256(""));
        Files.writeString(dir.resolve("part-0-0"), "z\ny");
        assertThat(SortedLinesDigest.sha256(dir)).isEqualTo(sha256("y\nz\n"));
    }
}

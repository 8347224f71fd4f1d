package dev.eddy.connector.file.src;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.configuration.Configuration;
import dev.eddy.connector.file.src.reader.StreamFormat;
import dev.eddy.connector.file.src.reader.TextLineInputFormat;
import dev.eddy.core.fs.LocalDataInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLineInputFormatTest {
    @TempDir
    java.nio.file.Path tmp;

    private List<String> read(String content) throws Exception {
        java.nio.file.Path file = tmp.resolve("in.txt");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        try (StreamFormat.Reader<String> reader = new TextLineInputFormat().createReader(new Configuration(),
                new LocalDataInputStream(file), Files.size(file), Files.size(file))) {
            String line;
            while ((line = reader.read()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void splitsOnLfAndCrlfAndKeepsALastLineWithoutNewline() throws Exception {
        assertThat(read("a\nb\r\nc")).containsExactly("a", "b", "c");
        assertThat(read("a\n")).containsExactly("a");
        assertThat(read("\n\nx\n")).containsExactly("", "", "x");
        assertThat(read("")).isEmpty();
    }

    @Test
    void decodesUtf8() throws Exception {
        assertThat(read("grüße\r\n日本\n")).containsExactly("grüße", "日本");
    }

    @Test
    void longLinesAcrossBufferBoundaries() throws Exception {
        String longLine = "x".repeat(200_000);
        assertThat(read(longLine + "\r\n" + longLine)).containsExactly(longLine, longLine);
    }

    @Test
    void rejectsAnUnknownCharset() {
        assertThatThrownBy(() -> new TextLineInputFormat("no-such-charset")).hasMessageContaining("no-such-charset");
    }
}

package dev.eddy.connector.file.src.reader;

import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.configuration.Configuration;
import dev.eddy.core.fs.FSDataInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/**
 * Reads a text file line by line (UTF-8 by default). Lines end at "\n", "\r\n" or "\r"; the line
 * terminators are not part of the records, and a last line without a terminator is still a record.
 * Files are not split.
 */
public class TextLineInputFormat implements StreamFormat<String> {
    private static final long serialVersionUID = 1L;
    public static final String DEFAULT_CHARSET_NAME = "UTF-8";
    private static final int BUFFER_CHARS = 64 * 1024;
    private final String charsetName;

    public TextLineInputFormat() {
        this(DEFAULT_CHARSET_NAME);
    }

    public TextLineInputFormat(String charsetName) {
        if (!Charset.isSupported(charsetName)) {
            throw new IllegalArgumentException("TextLineInputFormat: unknown charset '" + charsetName + "'");
        }
        this.charsetName = charsetName;
    }

    @Override
    public Reader<String> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, Charset.forName(charsetName)), BUFFER_CHARS);
        return new Reader<>() {
            @Override
            public String read() throws IOException {
                return lines.readLine();
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}

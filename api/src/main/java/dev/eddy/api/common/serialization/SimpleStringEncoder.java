package dev.eddy.api.common.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/** Writes {@code element.toString()} followed by a newline, in UTF-8 unless told otherwise. */
public class SimpleStringEncoder<IN> implements Encoder<IN> {
    private static final long serialVersionUID = 1L;
    private final String charsetName;
    private transient Charset charset;

    public SimpleStringEncoder() {
        this("UTF-8");
    }

    public SimpleStringEncoder(String charsetName) {
        if (!Charset.isSupported(charsetName)) {
            throw new IllegalArgumentException("SimpleStringEncoder: unknown charset '" + charsetName + "'");
        }
        this.charsetName = charsetName;
    }

    @Override
    public void encode(IN element, OutputStream stream) throws IOException {
        if (charset == null) {
            charset = Charset.forName(charsetName);
        }
        stream.write(String.valueOf(element).getBytes(charset));
        stream.write('\n');
    }
}

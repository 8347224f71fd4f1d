package dev.eddy.api.common.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Writes one element to a (buffered) output stream, e.g. for a row-format file sink. Task thread only. */
@FunctionalInterface
public interface Encoder<IN> extends Serializable {
    void encode(IN element, OutputStream stream) throws IOException;
}

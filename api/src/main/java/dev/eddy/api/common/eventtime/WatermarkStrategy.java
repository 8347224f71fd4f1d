package dev.eddy.api.common.eventtime;

import java.io.Serializable;

/** How timestamps and watermarks are generated. STUB: completed by the connectors package (minimal) and issue 4. */
public interface WatermarkStrategy<T> extends Serializable {
    static <T> WatermarkStrategy<T> noWatermarks() {
        return new WatermarkStrategy<T>() {
            private static final long serialVersionUID = 1L;
        };
    }
}

package dev.eddy.streaming.runtime.watermarkstatus;

import java.util.List;

/**
 * Implemented by operators that know their own event-time progress better than the runtime's
 * input valves do, namely sources (watermark per split). The task thread publishes; the method
 * returns the last published view and may be called from any thread.
 */
public interface WatermarkProgressProvider {
    /** The last published progress of this operator's inputs (empty before the first). Any thread. */
    List<InputWatermarkProgress> getWatermarkProgress();
}

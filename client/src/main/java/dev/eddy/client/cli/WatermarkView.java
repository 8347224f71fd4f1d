package dev.eddy.client.cli;

import dev.eddy.proto.ChannelWatermarkProto;
import dev.eddy.proto.InputWatermarkProto;
import dev.eddy.proto.JobWatermarksProto;
import dev.eddy.proto.SubtaskWatermarksProto;
import dev.eddy.proto.VertexWatermarksProto;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a job's watermarks for {@code eddy status}: per subtask the watermark of each input and
 * why it is not further — the channel (upstream subtask) or source split holding it back, or that
 * the input is idle. Stateless; called on the CLI's thread.
 */
final class WatermarkView {
    private static final long PLAUSIBLE_EPOCH_MIN = 946_684_800_000L; // 2000-01-01
    private static final long PLAUSIBLE_EPOCH_MAX = 4_102_444_800_000L; // 2100-01-01

    private WatermarkView() {}

    static void print(JobWatermarksProto job, PrintStream out) {
        if (job.getVerticesCount() == 0) {
            return;
        }
        out.println("  Watermarks:");
        for (VertexWatermarksProto vertex : job.getVerticesList()) {
            for (SubtaskWatermarksProto subtask : vertex.getSubtasksList()) {
                String name = vertex.getName() + " (" + (subtask.getSubtaskIndex() + 1) + "/" + vertex.getParallelism() + ")";
                for (String line : describe(subtask)) {
                    out.println("    " + name + ": " + line);
                }
            }
        }
    }

    /** One line per input of a subtask. */
    static List<String> describe(SubtaskWatermarksProto subtask) {
        List<String> lines = new ArrayList<>();
        if (!subtask.getReported()) {
            lines.add("no report (" + subtask.getState() + ")");
            return lines;
        }
        if (subtask.getInputsCount() == 0) {
            lines.add("no event-time input tracked");
            return lines;
        }
        for (InputWatermarkProto input : subtask.getInputsList()) {
            lines.add(describe(input));
        }
        return lines;
    }

    static String describe(InputWatermarkProto input) {
        StringBuilder sb = new StringBuilder(input.getInput()).append(" at ").append(formatWatermark(input.getWatermark()));
        if (input.getIdle()) {
            return sb.append(", idle (it does not hold back event time downstream)").toString();
        }
        if (input.getWatermark() == Long.MAX_VALUE) {
            return sb.toString();
        }
        ChannelWatermarkProto lagging = lagging(input);
        if (lagging != null) {
            sb.append(", held back by ").append(lagging.getChannel()).append(" at ").append(formatWatermark(lagging.getWatermark()));
            long ahead = highestActive(input);
            if (ahead > lagging.getWatermark()) {
                sb.append(" (others up to ").append(formatWatermark(ahead)).append(')');
            }
        }
        long idle = input.getChannelsList().stream().filter(ChannelWatermarkProto::getIdle).count();
        if (idle > 0) {
            sb.append("; ").append(idle).append(idle == 1 ? " channel idle" : " channels idle");
        }
        return sb.toString();
    }

    /** The active, unfinished channel with the lowest watermark, if it lags behind another or has none yet. */
    private static ChannelWatermarkProto lagging(InputWatermarkProto input) {
        ChannelWatermarkProto min = null;
        int active = 0;
        for (ChannelWatermarkProto c : input.getChannelsList()) {
            if (c.getIdle() || c.getFinished()) {
                continue;
            }
            active++;
            if (min == null || c.getWatermark() < min.getWatermark()) {
                min = c;
            }
        }
        if (min == null) {
            return null;
        }
        boolean othersAhead = active > 1 && highestActive(input) > min.getWatermark();
        return othersAhead || min.getWatermark() == Long.MIN_VALUE ? min : null;
    }

    private static long highestActive(InputWatermarkProto input) {
        long max = Long.MIN_VALUE;
        for (ChannelWatermarkProto c : input.getChannelsList()) {
            if (!c.getIdle() && !c.getFinished()) {
                max = Math.max(max, c.getWatermark());
            }
        }
        return max;
    }

    static String formatWatermark(long watermark) {
        if (watermark == Long.MIN_VALUE) {
            return "no watermark yet";
        }
        if (watermark == Long.MAX_VALUE) {
            return "end of input (Long.MAX_VALUE)";
        }
        if (watermark >= PLAUSIBLE_EPOCH_MIN && watermark < PLAUSIBLE_EPOCH_MAX) {
            return watermark + " (" + Instant.ofEpochMilli(watermark) + ")";
        }
        return Long.toString(watermark);
    }
}

package dev.eddy.client.cli;

import dev.eddy.api.common.JobID;
import dev.eddy.configuration.Configuration;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.JobWatermarksProto;
import dev.eddy.proto.VertexStatus;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code eddy status <jobId>}: the job's state, its task states per vertex and its failure. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows a job's state, the number of tasks per state for each vertex, the watermark of every "
                + "running subtask (and what holds it back), and the failure if it failed.")
final class StatusCommand implements Callable<Integer> {
    private final CliContext context;
    @Mixin JobManagerAddress jobManager;
    @Mixin DynamicProperties dynamic;

    @Parameters(index = "0", paramLabel = "<jobId>", description = "The job's id (32 hex characters)")
    String jobId;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String id = parseJobId(jobId);
        Configuration configuration = context.loadConfiguration(dynamic.properties);
        jobManager.applyTo(configuration);
        JobStatusProto status = ClusterCalls.call(context, configuration, g -> g.getJobStatus(id));
        context.out.println("Job " + status.getJobId() + " (" + status.getJobName() + "): " + status.getState());
        context.out.println("  Started: " + ListCommand.formatTime(status.getStartTimeMillis()));
        if (status.getEndTimeMillis() > 0) {
            context.out.println("  Ended:   " + ListCommand.formatTime(status.getEndTimeMillis())
                    + " (" + (status.getEndTimeMillis() - status.getStartTimeMillis()) + " ms)");
        }
        if (status.getVerticesCount() > 0) {
            context.out.println("  Vertices:");
            for (VertexStatus vertex : status.getVerticesList()) {
                context.out.println("    " + vertex.getName() + " (parallelism " + vertex.getParallelism() + "): "
                        + formatCounts(vertex.getTasksPerStateMap()));
            }
        }
        if (!isTerminal(status.getState())) {
            printWatermarks(id, configuration);
        }
        if (!status.getFailure().isBlank()) {
            context.out.println("  Failure:");
            status.getFailure().lines().forEach(l -> context.out.println("    " + l));
        }
        return 0;
    }

    /** Watermarks are best effort: a JobManager that cannot report them leaves the section out. */
    private void printWatermarks(String id, Configuration configuration) {
        JobWatermarksProto watermarks;
        try {
            watermarks = ClusterCalls.call(context, configuration, g -> g.getJobWatermarks(id));
        } catch (CliException e) {
            context.out.println("  Watermarks: not available (" + e.getMessage() + ")");
            return;
        }
        WatermarkView.print(watermarks, context.out);
    }

    private static boolean isTerminal(String state) {
        return state.equals("FINISHED") || state.equals("CANCELED") || state.equals("FAILED");
    }

    static String formatCounts(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(counts).forEach((state, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(state).append('=').append(n));
        return sb.length() == 0 ? "no tasks" : sb.toString();
    }

    static String parseJobId(String text) {
        try {
            return JobID.fromHexString(text).toHexString();
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage() + ". Use 'eddy list' to see the ids of the jobs.");
        }
    }
}

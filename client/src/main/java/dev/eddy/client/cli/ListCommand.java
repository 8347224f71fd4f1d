package dev.eddy.client.cli;

import dev.eddy.configuration.Configuration;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.runtime.gateway.DispatcherGateway;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eddy list}: one line per job known to the JobManager, oldest first. Unlike Flink, which
 * shows finished jobs only with -a, Eddy always lists every job, finished ones included; -a is
 * accepted for compatibility.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists all jobs of the JobManager (running and finished), one per line:",
                "start time : job id : name (STATE). Unlike Flink, finished jobs are always shown; -a is accepted for compatibility."})
final class ListCommand implements Callable<Integer> {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.systemDefault());

    private final CliContext context;
    @Mixin JobManagerAddress jobManager;
    @Mixin DynamicProperties dynamic;

    @Option(names = {"-a", "--all"}, description = "Show all jobs (always the case in Eddy)")
    boolean all;

    @Option(names = {"-r", "--running"}, description = "Show only jobs that have not ended")
    boolean runningOnly;

    ListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Configuration configuration = context.loadConfiguration(dynamic.properties);
        jobManager.applyTo(configuration);
        List<JobStatusProto> jobs = ClusterCalls.call(context, configuration, DispatcherGateway::listJobs);
        List<JobStatusProto> shown = jobs.stream()
                .filter(j -> !runningOnly || j.getEndTimeMillis() == 0)
                .sorted(Comparator.comparingLong(JobStatusProto::getStartTimeMillis).thenComparing(JobStatusProto::getJobId))
                .toList();
        if (shown.isEmpty()) {
            context.out.println(runningOnly ? "No running jobs." : "No jobs.");
            return 0;
        }
        for (JobStatusProto job : shown) {
            context.out.println(formatTime(job.getStartTimeMillis()) + " : " + job.getJobId() + " : " + job.getJobName()
                    + " (" + job.getState() + ")");
        }
        return 0;
    }

    static String formatTime(long millis) {
        return millis <= 0 ? "-" : TIME.format(Instant.ofEpochMilli(millis));
    }
}

package dev.eddy.streaming.api.functions.sink.legacy;

import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.common.functions.OpenContext;
import java.io.PrintStream;

/**
 * Prints each record's {@code toString()} to standard out (or err), one line per record, with
 * Flink's prefix: with parallelism above 1 {@code "identifier:subtask> "} (subtask counted from 1;
 * {@code "subtask> "} without identifier), else {@code "identifier> "} or no prefix at all.
 */
public class PrintSinkFunction<IN> extends RichSinkFunction<IN> {
    private static final long serialVersionUID = 1L;
    private final String sinkIdentifier;
    private final boolean stdErr;
    private transient PrintStream stream;
    private transient String prefix;

    public PrintSinkFunction() {
        this("", false);
    }

    public PrintSinkFunction(boolean stdErr) {
        this("", stdErr);
    }

    public PrintSinkFunction(String sinkIdentifier, boolean stdErr) {
        this.sinkIdentifier = sinkIdentifier == null ? "" : sinkIdentifier;
        this.stdErr = stdErr;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        TaskInfo info = getRuntimeContext().getTaskInfo();
        prefix = prefix(sinkIdentifier, info.getIndexOfThisSubtask(), info.getNumberOfParallelSubtasks());
        stream = stdErr ? System.err : System.out;
    }

    /** The line prefix for a subtask (index from 0). */
    public static String prefix(String sinkIdentifier, int subtaskIndex, int parallelism) {
        StringBuilder p = new StringBuilder(sinkIdentifier == null ? "" : sinkIdentifier);
        if (parallelism > 1) {
            if (p.length() > 0) {
                p.append(':');
            }
            p.append(subtaskIndex + 1);
        }
        if (p.length() > 0) {
            p.append("> ");
        }
        return p.toString();
    }

    @Override
    public void invoke(IN value, Context context) {
        stream.println(prefix + value);
    }

    @Override
    public String toString() {
        return "Print to " + (stdErr ? "System.err" : "System.out");
    }
}

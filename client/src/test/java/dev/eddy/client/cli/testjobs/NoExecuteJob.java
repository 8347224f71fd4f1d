package dev.eddy.client.cli.testjobs;

/** A main method that never calls execute(). */
public final class NoExecuteJob {
    private NoExecuteJob() {}

    public static void main(String[] args) {
        // nothing submitted
    }
}

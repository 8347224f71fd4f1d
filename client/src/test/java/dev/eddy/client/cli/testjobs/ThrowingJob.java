package dev.eddy.client.cli.testjobs;

/** A main method that throws before building a job. */
public final class ThrowingJob {
    private ThrowingJob() {}

    public static void main(String[] args) {
        throw new IllegalArgumentException("This main refuses to run: missing --magic");
    }
}

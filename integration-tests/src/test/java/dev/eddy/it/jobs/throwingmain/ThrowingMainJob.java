package dev.eddy.it.jobs.throwingmain;

/** A job whose main method throws before building anything. */
public final class ThrowingMainJob {
    private ThrowingMainJob() {}

    public static void main(String[] args) {
        throw new IllegalArgumentException("This main refuses to run: missing --magic");
    }
}

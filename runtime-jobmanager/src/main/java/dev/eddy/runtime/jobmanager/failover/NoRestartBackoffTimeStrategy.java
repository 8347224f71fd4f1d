package dev.eddy.runtime.jobmanager.failover;

/** {@code restart-strategy.type: none}: every failure fails the job. */
public final class NoRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
    public static final NoRestartBackoffTimeStrategy INSTANCE = new NoRestartBackoffTimeStrategy();

    private NoRestartBackoffTimeStrategy() {}

    @Override
    public void notifyFailure() {}

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public long getBackoffTime() {
        return 0;
    }

    @Override
    public String description() {
        return "none";
    }
}

package dev.eddy.client.cli;

/** One-line descriptions of why a daemon could not start. Stateless. */
final class StartupErrors {
    private StartupErrors() {}

    /** The outer message, plus the root cause's message when it adds something (e.g. "Address already in use"). */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = t.getMessage() != null ? t.getMessage() : t.toString();
        if (root == t || root.getMessage() == null || outer.contains(root.getMessage())) {
            return outer;
        }
        return outer + " (" + root.getMessage() + ")";
    }
}

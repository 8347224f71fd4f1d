package dev.eddy.it.support;

/** Exit code and captured output of a finished command. */
public record ProcessResult(int exitCode, String stdout, String stderr) {
    public String output() {
        return stdout + stderr;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}

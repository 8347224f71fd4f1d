package dev.eddy.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One "machine" running Eddy processes from the unpacked distribution: its own conf, log and pid
 * directories (EDDY_CONF_DIR / EDDY_LOG_DIR / EDDY_PID_DIR), optionally inside a network namespace.
 * Several hosts can share one distribution, as the README promises.
 */
public final class EddyHost implements AutoCloseable {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private final Path dist;
    private final Path confDir;
    private final Path logDir;
    private final Path pidDir;
    private final String namespace;

    /**
     * @param config entries written to the host's conf/config.yaml (flat keys)
     * @param namespace network namespace to run in, or null for this one
     */
    public EddyHost(Path dist, Path baseDir, Map<String, String> config, String namespace) {
        this.dist = dist;
        this.confDir = baseDir.resolve("conf");
        this.logDir = baseDir.resolve("log");
        this.pidDir = baseDir.resolve("pid");
        this.namespace = namespace;
        try {
            Files.createDirectories(confDir);
            Files.createDirectories(logDir);
            Files.createDirectories(pidDir);
            try (Stream<Path> files = Files.list(dist.resolve("conf"))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, confDir.resolve(f.getFileName()));
                }
            }
            StringBuilder yaml = new StringBuilder("# written by the integration test\n");
            config.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
            Files.writeString(confDir.resolve("config.yaml"), yaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path distribution() {
        String d = System.getProperty("eddy.dist");
        if (d == null) {
            throw new IllegalStateException("System property eddy.dist is not set (run through Maven)");
        }
        Path p = Path.of(d).toAbsolutePath().normalize();
        if (!Files.isExecutable(p.resolve("bin/eddy"))) {
            throw new IllegalStateException("No distribution at " + p + ": build the deploy module first");
        }
        return p;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("EDDY_CONF_DIR", confDir.toString());
        env.put("EDDY_LOG_DIR", logDir.toString());
        env.put("EDDY_PID_DIR", pidDir.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    private List<String> command(String executable, String... args) {
        List<String> cmd = new ArrayList<>();
        if (namespace != null) {
            cmd.addAll(List.of("ip", "netns", "exec", namespace));
        }
        cmd.add(dist.resolve("bin").resolve(executable).toString());
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** Runs a script of bin/ (e.g. "jobmanager.sh", "start") and returns its result. */
    public ProcessResult script(String executable, String... args) {
        return Commands.run(command(executable, args), env(), null, SCRIPT_TIMEOUT);
    }

    /** Runs {@code bin/eddy args...}. */
    public ProcessResult eddy(Duration timeout, String... args) {
        return Commands.run(command("eddy", args), env(), null, timeout);
    }

    public void startJobManager() {
        expectOk(script("jobmanager.sh", "start"));
    }

    public void startTaskManager() {
        expectOk(script("taskmanager.sh", "start"));
    }

    public void stopAll() {
        script("taskmanager.sh", "stop-all");
        script("jobmanager.sh", "stop");
    }

    /** Pids recorded in this host's pid files. */
    public List<Long> pids() {
        return pids("");
    }

    /** Pids in the pid files whose name contains {@code role} ("taskmanager"), in start order. */
    public List<Long> pids(String role) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.list(pidDir)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.getFileName().toString().contains(role)).sorted()::iterator) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        pids.add(Long.parseLong(line.trim()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    /** Those of {@code pids} whose process is still alive. */
    public static List<Long> alive(List<Long> pids) {
        return pids.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList();
    }

    /** Concatenated content of this host's log files whose name contains {@code role}. */
    public String logs(String role) {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (f.getFileName().toString().contains(role)) {
                    sb.append("==> ").append(f.getFileName()).append(" <==\n").append(Files.readString(f)).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    public Path logDir() {
        return logDir;
    }

    public Path confDir() {
        return confDir;
    }

    private void expectOk(ProcessResult r) {
        if (r.exitCode() != 0) {
            throw new AssertionError("Script failed: " + r);
        }
    }

    /** Stops everything and kills leftovers (a test asserting clean shutdown checks alive(pids()) before). */
    @Override
    public void close() {
        List<Long> started = pids();
        stopAll();
        for (Long pid : alive(started)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}

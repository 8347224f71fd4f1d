package dev.eddy.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test hosts in network namespaces: a "switch" namespace with a bridge, and one namespace per host
 * joined to it by a veth pair, each with its own address in 10.233.0.0/24. Everything lives in
 * namespaces the test creates and removes, so no traffic leaves this machine.
 */
public final class Netns implements AutoCloseable {
    public static final String SUBNET_PREFIX = "10.233.0.";
    private final String prefix;
    private final String switchNs;
    private final List<String> hosts = new ArrayList<>();

    public Netns(String prefix) {
        this.prefix = prefix;
        this.switchNs = prefix + "-sw";
        sh("ip netns add " + switchNs);
        sh("ip netns exec " + switchNs + " ip link add br0 type bridge");
        sh("ip netns exec " + switchNs + " ip link set br0 up");
        sh("ip netns exec " + switchNs + " ip link set lo up");
    }

    /** True when this process may create namespaces (root with iproute2). */
    public static boolean available() {
        try {
            ProcessResult r = Commands.run(List.of("ip", "netns", "list"), Map.of(), null, Duration.ofSeconds(10));
            return r.exitCode() == 0 && "root".equals(System.getProperty("user.name"));
        } catch (RuntimeException | AssertionError e) {
            return false;
        }
    }

    /** Adds host number {@code n} (1..250) with address 10.233.0.n; returns the namespace name. */
    public String addHost(int n) {
        String ns = prefix + "-h" + n;
        String outer = prefix.substring(0, Math.min(prefix.length(), 6)) + "v" + n + "o";
        String inner = prefix.substring(0, Math.min(prefix.length(), 6)) + "v" + n + "i";
        sh("ip netns add " + ns);
        sh("ip link add " + outer + " type veth peer name " + inner);
        sh("ip link set " + outer + " netns " + switchNs);
        sh("ip link set " + inner + " netns " + ns);
        sh("ip netns exec " + switchNs + " ip link set " + outer + " master br0");
        sh("ip netns exec " + switchNs + " ip link set " + outer + " up");
        sh("ip netns exec " + ns + " ip link set lo up");
        sh("ip netns exec " + ns + " ip addr add " + address(n) + "/24 dev " + inner);
        sh("ip netns exec " + ns + " ip link set " + inner + " up");
        hosts.add(ns);
        return ns;
    }

    public static String address(int n) {
        return SUBNET_PREFIX + n;
    }

    /** Bytes sent by host n's interface so far. */
    public long txBytes(int n) {
        String ns = prefix + "-h" + n;
        String inner = prefix.substring(0, Math.min(prefix.length(), 6)) + "v" + n + "i";
        ProcessResult r = sh("ip netns exec " + ns + " cat /sys/class/net/" + inner + "/statistics/tx_bytes");
        return Long.parseLong(r.stdout().trim());
    }

    private static ProcessResult sh(String cmd) {
        ProcessResult r = Commands.run(List.of("sh", "-c", cmd), Map.of(), null, Duration.ofSeconds(20));
        if (r.exitCode() != 0) {
            throw new AssertionError("Command failed: " + cmd + "\n" + r);
        }
        return r;
    }

    @Override
    public void close() {
        for (String ns : hosts) {
            Commands.run(List.of("ip", "netns", "pids", ns), Map.of(), null, Duration.ofSeconds(10)).stdout().lines()
                    .filter(l -> !l.isBlank())
                    .forEach(pid -> ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly));
            Commands.run(List.of("ip", "netns", "del", ns), Map.of(), null, Duration.ofSeconds(10));
        }
        Commands.run(List.of("ip", "netns", "del", switchNs), Map.of(), null, Duration.ofSeconds(10));
    }
}

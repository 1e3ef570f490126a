package org.gongshi.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a test that must know its server's port before it starts, or start again on the same one.
 *
 * <p>A port from {@code new ServerSocket(0)} is an ephemeral port: closed, the kernel hands it out again, to
 * another test's server on port 0 or to any outgoing connection (every HTTP client in the parallel suite takes
 * one), and the server that then binds it fails to start (CI on stop 74: "Failed to start bean
 * 'webServerStartStop'"). These ports are drawn below the ephemeral range, where only another test's explicit
 * choice could take one, and each is checked free when drawn.
 */
final class Ports {

    private static final int LOWEST = 20000;

    private Ports() {
    }

    /** {@code count} distinct ports, free when drawn, below the kernel's ephemeral range. */
    static int[] free(int count) throws IOException {
        int below = ephemeralStart();
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            int port;
            do {
                port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            } while (taken(port, ports, i) || !bindable(port));
            ports[i] = port;
        }
        return ports;
    }

    static int free() throws IOException {
        return free(1)[0];
    }

    private static boolean taken(int port, int[] ports, int drawn) {
        for (int i = 0; i < drawn; i++) if (ports[i] == port) return true;
        return false;
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    /** The kernel's range, read line by line: {@code Files.readString} on this procfs file gave "3" (Java 17). */
    private static int ephemeralStart() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int start = Files.isReadable(range) ? Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]) : 32768;
        if (start <= LOWEST + 1000) throw new IllegalStateException("the ephemeral range starts at " + start + ", too low to draw test ports below it");
        return start;
    }
}

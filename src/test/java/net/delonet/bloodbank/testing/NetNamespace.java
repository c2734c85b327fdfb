package net.delonet.bloodbank.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A client on another address than loopback: a network namespace joined to the host by a veth pair in a private
 * /30 of 10.213.0.0/16 (host .1, namespace .2), nothing else routed. Made with {@code ip} (needs root), removed on close.
 */
public final class NetNamespace implements AutoCloseable {

    /** An HTTP answer as curl saw it; header names lower-cased. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private final String name;
    private final String hostAddress;

    private NetNamespace(String name, String hostAddress) {
        this.name = name;
        this.hostAddress = hostAddress;
    }

    /** Empty, with the reason printed, where namespaces cannot be made (not root, no ip or curl). */
    public static Optional<NetNamespace> create() {
        String id = UUID.randomUUID().toString().substring(0, 6);
        String name = "iso-ns-" + id;
        String subnet = "10.213." + ThreadLocalRandom.current().nextInt(256) + ".";
        try {
            run("ip", "netns", "add", name);
            run("ip", "link", "add", "isoh-" + id, "type", "veth", "peer", "name", "ison-" + id);
            run("ip", "link", "set", "ison-" + id, "netns", name);
            run("ip", "addr", "add", subnet + "1/30", "dev", "isoh-" + id);
            run("ip", "link", "set", "isoh-" + id, "up");
            run("ip", "netns", "exec", name, "ip", "addr", "add", subnet + "2/30", "dev", "ison-" + id);
            run("ip", "netns", "exec", name, "ip", "link", "set", "ison-" + id, "up");
            run("ip", "netns", "exec", name, "curl", "--version");
            return Optional.of(new NetNamespace(name, subnet + "1"));
        } catch (IOException | IllegalStateException e) {
            System.err.println("No network namespace for a non-loopback client (" + e.getMessage() + ")");
            quietly("ip", "link", "del", "isoh-" + id);
            quietly("ip", "netns", "del", name);
            return Optional.empty();
        }
    }

    /** The host's address as the namespace reaches it. */
    public String hostAddress() {
        return hostAddress;
    }

    /** {@code curl -X method} from inside the namespace; {@code headers} as "Name: value". */
    public Answer curl(String method, String url, String... headers) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name, "curl", "-s", "-i", "-m", "10", "-X", method));
        for (String header : headers) {
            command.add("-H");
            command.add(header);
        }
        command.add(url);
        String out = run(command.toArray(String[]::new));
        int end = out.indexOf("\r\n\r\n");
        String[] head = out.substring(0, end).split("\r\n");
        Map<String, String> names = new TreeMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            names.put(head[i].substring(0, colon).toLowerCase(), head[i].substring(colon + 1).trim());
        }
        return new Answer(Integer.parseInt(head[0].split(" ")[1]), names, out.substring(end + 4));
    }

    @Override
    public void close() {
        quietly("ip", "netns", "del", name);
    }

    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": exit " + process.exitValue() + " " + out.trim());
        }
        return out;
    }

    private static void quietly(String... command) {
        try {
            run(command);
        } catch (IOException | IllegalStateException e) {
            // nothing to remove
        }
    }
}

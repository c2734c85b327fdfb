package net.delonet.bloodbank.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * A file-backed store for machines without Redis: the Redis server binary that the embedded-redis jar ships, run
 * as a child process on loopback with its append-only file under {@code dataDir}, so correlation and dedupe survive
 * restarts and every Redis command and Lua script behaves exactly as against a real Redis. The binary, its log and
 * its pid file live in {@code dataDir} too: a server left running by a killed Bloodbank is recognised as this
 * folder's own (its executable is this folder's binary) and stopped at the next start; nothing goes to /tmp.
 */
public final class EmbeddedStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
    private static final long START_MS = 20_000;
    private static final String PID_FILE = "redis.pid";
    private static final String RESOURCE = ExecutableProvider.newProvidedVersionsMap().get(OsArchitecture.detectOSandArchitecture());

    private final Process server;
    private final Path pidFile;

    private EmbeddedStore(Process server, Path pidFile) {
        this.server = server;
        this.pidFile = pidFile;
    }

    public static EmbeddedStore start(int port, Path dataDir) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(dataDir).toAbsolutePath();
        Path pidFile = dir.resolve(PID_FILE);
        stopLeftOver(dir);
        if (Backends.answers("127.0.0.1", port)) {
            throw new IOException("127.0.0.1:" + port + " is taken by another program, not the embedded Redis of " + dir
                    + ": choose another port with EMBEDDED_REDIS_PORT");
        }
        Path binary = binary(dir);
        extract(RESOURCE, binary);
        Path log = dir.resolve("redis.log");
        Process server = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--appendonly", "yes", "--save", "", "--daemonize", "no"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Files.writeString(pidFile, Long.toString(server.pid()));
        long deadline = System.currentTimeMillis() + START_MS;
        while (!Backends.answers("127.0.0.1", port)) {
            if (!server.isAlive() || System.currentTimeMillis() > deadline) {
                server.destroyForcibly();
                Files.deleteIfExists(pidFile);
                throw new IOException("The embedded Redis did not start on 127.0.0.1:" + port + " within " + START_MS / 1000
                        + " s; see " + log);
            }
            Thread.sleep(50);
        }
        return new EmbeddedStore(server, pidFile);
    }

    /** Stops the server of {@code dataDir} a killed run left behind (auto mode must not take it for a real Redis). */
    public static void stopLeftOver(Path dataDir) throws IOException, InterruptedException {
        Path dir = dataDir.toAbsolutePath();
        OwnServer.stopLeftOver(dir.resolve(PID_FILE), binary(dir));
    }

    private static Path binary(Path dir) {
        return dir.resolve("bin").resolve(RESOURCE.substring(RESOURCE.lastIndexOf('/') + 1));
    }

    /** The binary from the jar, written again only when it differs in size (a newer embedded-redis). */
    private static void extract(String resource, Path binary) throws IOException {
        URL source = EmbeddedStore.class.getResource(resource);
        if (source == null) {
            throw new IOException("No Redis server binary for this platform in the embedded-redis jar: " + resource);
        }
        long size = source.openConnection().getContentLengthLong();
        if (Files.isExecutable(binary) && Files.size(binary) == size) {
            return;
        }
        Files.createDirectories(binary.getParent());
        try (InputStream in = source.openStream()) {
            Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
        }
        binary.toFile().setExecutable(true, true);
    }

    /** Stops the server (SIGTERM: Redis syncs its append-only file) and waits until it has exited. */
    @Override
    public void close() throws IOException, InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            LOG.warn("The embedded Redis did not stop within 10 s; killing it");
            server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(pidFile);
    }
}

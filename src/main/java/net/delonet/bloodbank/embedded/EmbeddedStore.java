package net.delonet.bloodbank.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A file-backed store for machines without Redis: the Redis server binary that the embedded-redis jar ships,
 * run as a child process on loopback with its append-only file under {@code dataDir}, so correlation and
 * dedupe survive restarts and every Redis command and Lua script behaves exactly as against a real Redis.
 */
public final class EmbeddedStore implements AutoCloseable {

    private final RedisServer server;
    private final int port;
    private final Thread stopOnExit;

    private EmbeddedStore(RedisServer server, int port) {
        this.server = server;
        this.port = port;
        // A child process outlives a JVM that is killed without stopping Camel: stop it on any JVM exit.
        this.stopOnExit = new Thread(this::stopQuietly, "embedded-redis-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    public static EmbeddedStore start(int port, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .setting("bind 127.0.0.1")
                .setting("dir " + dataDir.toAbsolutePath())
                .setting("appendonly yes")
                .setting("save \"\"")
                .build();
        server.start();
        return new EmbeddedStore(server, port);
    }

    /** Stops the server and waits until its port is free, so a restart right after can bind it again. */
    @Override
    public void close() throws IOException {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        server.stop();
        long deadline = System.currentTimeMillis() + 10_000;
        while (Backends.answers("127.0.0.1", port) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (IOException | RuntimeException ignored) {
            // exiting anyway
        }
    }
}

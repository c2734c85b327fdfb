package net.delonet.bloodbank.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * A loopback TCP relay in front of a real server. {@link #cut()} drops every connection and stops listening,
 * which the application sees exactly as the server going away; {@link #restore()} listens again on the same port.
 * Used instead of stopping the shared RabbitMQ or Redis, which other tests on this machine rely on.
 */
public final class TcpProxy implements AutoCloseable, SettingsProvider {

    private final int port;
    private final int targetPort;
    private final Map<String, String> settings;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private final Object flow = new Object();
    private boolean paused;

    public TcpProxy(int targetPort) {
        this(targetPort, port -> Map.of());
    }

    private TcpProxy(int targetPort, IntFunction<Map<String, String>> settings) {
        this.port = RunningBloodbank.freePort();
        this.targetPort = targetPort;
        this.settings = settings.apply(port);
        restore();
    }

    /** A relay to the shared RabbitMQ. */
    public static TcpProxy toRabbit() {
        return new TcpProxy(5672, port -> Map.of("bloodbank.rabbit.url", "amqp://guest:guest@127.0.0.1:" + port));
    }

    /** A relay to the shared Redis. */
    public static TcpProxy toRedis() {
        return new TcpProxy(6379, port -> Map.of("bloodbank.redis.host", "127.0.0.1", "bloodbank.redis.port", Integer.toString(port)));
    }

    /** The overrides that send the application's traffic to this relay's backend through it (none for a plain relay). */
    @Override
    public Map<String, String> settings() {
        return settings;
    }

    public int port() {
        return port;
    }

    public synchronized void restore() {
        if (server != null && !server.isClosed()) {
            cut();
        }
        try {
            ServerSocket listening = listen();
            server = listening;
            Thread acceptor = new Thread(() -> accept(listening), "tcp-proxy-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void cut() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        sockets.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        });
        sockets.clear();
    }

    /**
     * Holds every byte in both directions, on open connections and new ones, until {@link #resume()}: a server (or a
     * network) that hangs and then wakes up, delivering late whatever was sent meanwhile.
     */
    public void pause() {
        synchronized (flow) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (flow) {
            paused = false;
            flow.notifyAll();
        }
    }

    private void awaitFlowing() throws InterruptedException {
        synchronized (flow) {
            while (paused) {
                flow.wait();
            }
        }
    }

    /** Takes connections and never answers, as a host that is up but hung, or a route that drops packets, would. */
    public synchronized void silence() {
        cut();
        try {
            ServerSocket listening = listen();
            server = listening;
            Thread acceptor = new Thread(() -> {
                while (!listening.isClosed()) {
                    try {
                        sockets.add(listening.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "tcp-proxy-silent-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The relay's port again, even while connections it just closed linger; a listener closed while its acceptor
     * was blocked lets go of the port only when that thread wakes up, so binding is retried for a moment.
     */
    private ServerSocket listen() throws IOException {
        for (int attempt = 1; ; attempt++) {
            ServerSocket listening = new ServerSocket();
            listening.setReuseAddress(true);
            try {
                listening.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                return listening;
            } catch (java.net.BindException e) {
                listening.close();
                if (attempt == 40) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(target);
                pump(client, target);
                pump(target, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    awaitFlowing();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // one side closed: close the other below
            }
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // already closed
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        resume();
        cut();
    }
}

package net.delonet.bloodbank.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import net.delonet.bloodbank.Bloodbank;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/** The real application, started in-process on a free port with the given property overrides. */
public final class RunningBloodbank implements AutoCloseable {

    private final Main main;
    private final int port;

    private RunningBloodbank(Main main, int port) {
        this.main = main;
        this.port = port;
    }

    public static RunningBloodbank start() {
        return start(Map.of());
    }

    public static RunningBloodbank start(Map<String, String> overrides) {
        int port = freePort();
        Main main = Bloodbank.create();
        main.addOverrideProperty("camel.server.port", Integer.toString(port));
        overrides.forEach(main::addOverrideProperty);
        main.start();
        return new RunningBloodbank(main, port);
    }

    public HttpApi http() {
        return new HttpApi("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        main.stop();
    }
}

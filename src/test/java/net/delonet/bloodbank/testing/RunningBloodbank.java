package net.delonet.bloodbank.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.Bloodbank;
import net.delonet.bloodbank.consume.topology.Topology;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/** The real application, started in-process on a free port with the given property overrides. */
public final class RunningBloodbank implements AutoCloseable {

    private final Main main;
    private final int port;
    private final boolean ownsQueues;
    private final Map<String, String> settings;

    private RunningBloodbank(Main main, int port, boolean ownsQueues, Map<String, String> settings) {
        this.main = main;
        this.port = port;
        this.ownsQueues = ownsQueues;
        this.settings = settings;
    }

    public static RunningBloodbank start() {
        return start(Map.of());
    }

    public static RunningBloodbank start(Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        // Consumer queues and the archive get a prefix of their own (unless the test names one, and then deletes
        // them itself); on the shared RabbitMQ they are deleted on close (the embedded broker keeps its data in target/).
        settings.put("bloodbank.queue-prefix", "bbtest-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        // Each application its own RAG index (Lucene locks a folder for one writer); the model loads only if used.
        settings.put("bloodbank.rag.index-dir", ragIndexDir());
        boolean ownsQueues = !overrides.containsKey("bloodbank.queue-prefix")
                && !"embedded".equals(System.getProperty("bloodbank.test.backends"));
        settings.putAll(overrides);
        return start(settings, ownsQueues);
    }

    private static RunningBloodbank start(Map<String, String> settings, boolean ownsQueues) {
        int port = freePort();
        Main main = Bloodbank.create();
        main.addOverrideProperty("camel.server.port", Integer.toString(port));
        settings.forEach(main::addOverrideProperty);
        main.start();
        return new RunningBloodbank(main, port, ownsQueues, settings);
    }

    /** Stops the application and starts it again as the same deployment: same queue prefix, index and settings. */
    public RunningBloodbank restart() {
        main.stop();
        return start(settings, ownsQueues);
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

    private static String ragIndexDir() {
        try {
            Path target = Files.createDirectories(Path.of("target", "rag-indexes"));
            return Files.createTempDirectory(target, "index-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Topology topology() {
        return main.getCamelContext().getRegistry().lookupByNameAndType("consumerTopology", Topology.class);
    }

    @Override
    public void close() {
        Topology topology = topology();
        main.stop();
        if (ownsQueues) {
            try (BrokerProbe broker = new BrokerProbe()) {
                broker.delete(topology.archive());
                topology.consumers().keySet().forEach(name ->
                        broker.delete(topology.queue(name), topology.deadLetters(name), topology.parked(name)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

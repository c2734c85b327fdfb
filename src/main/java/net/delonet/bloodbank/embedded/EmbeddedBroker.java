package net.delonet.bloodbank.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;

/**
 * An AMQP 0-9-1 broker in this process (Apache Qpid Broker-J) for machines without RabbitMQ: amq.topic with
 * the usual * and # semantics, durable queues, persistent messages in a Derby store under {@code dataDir}.
 * It listens on loopback only, with the guest/guest account.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final SystemLauncher launcher = new SystemLauncher();

    private EmbeddedBroker() {
    }

    public static EmbeddedBroker start(int port, Path dataDir) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation",
                EmbeddedBroker.class.getResource("/embedded/qpid-config.json").toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", Map.of(
                "qpid.amqp_port", Integer.toString(port),
                "qpid.work_dir", dataDir.toAbsolutePath().toString(),
                "qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}"));
        broker.launcher.startup(attributes);
        return broker;
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}

package net.delonet.bloodbank.embedded;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.SystemConfig;
import org.slf4j.LoggerFactory;

/**
 * An AMQP 0-9-1 broker in this process (Apache Qpid Broker-J) for machines without RabbitMQ: amq.topic with
 * the usual * and # semantics, durable queues, persistent messages in a Derby store under {@code dataDir}.
 * It listens on loopback only, with the guest/guest account.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private volatile SystemConfig<?> system;
    private final SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
        @Override
        public void onContainerResolve(SystemConfig<?> config) {
            system = config;
        }
    });

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
        broker.withoutOwnShutdownHook();
        return broker;
    }

    /**
     * Qpid closes itself from a JVM shutdown hook of its own, at the same time as Camel stops the consumers that still
     * use it (ERROR lines on every SIGTERM). Bloodbank closes it after them instead ({@link Backends}).
     */
    private void withoutOwnShutdownHook() {
        try {
            Object container = system.getContainer();
            // the field is BrokerImpl's; the container is a subclass of it
            for (Class<?> type = container.getClass(); type != null; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (field.getName().equals("_shutdownHook")) {
                        field.setAccessible(true);
                        Runtime.getRuntime().removeShutdownHook((Thread) field.get(container));
                        return;
                    }
                }
            }
            LoggerFactory.getLogger(EmbeddedBroker.class).warn("Qpid's shutdown hook not found: it may stop the broker before Camel");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(EmbeddedBroker.class).warn("Qpid's shutdown hook stays: {}", e.toString());
        }
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}

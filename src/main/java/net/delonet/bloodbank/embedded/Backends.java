package net.delonet.bloodbank.embedded;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses RabbitMQ and Redis, or embedded stand-ins, before anything connects: {@code bloodbank.broker} and
 * {@code bloodbank.store} are auto (the configured server when it answers or was set explicitly, else an
 * embedded one on the configured port), embedded (always, on its own port, so it runs beside a real server) or
 * rabbitmq / redis (always the configured server). The choice becomes the connection properties every
 * configuration class reads, and one log line tells the operator what is in use.
 */
public final class Backends extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

    private final List<AutoCloseable> started = new ArrayList<>();

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertiesComponent props = main.getCamelContext().getPropertiesComponent();
        Path home = Path.of(props.resolveProperty("bloodbank.embedded.dir").filter(d -> !d.isBlank())
                .orElse(System.getProperty("user.home") + "/.bloodbank"));
        try {
            // Stopped with the context, after everything that uses them (services stop in reverse order).
            main.getCamelContext().addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    stopEmbedded();
                }
            });
            String broker = chooseBroker(props, home);
            String store = chooseStore(props, home);
            // What the console's health view shows as the backends in use
            props.addOverrideProperty("bloodbank.backends.broker", broker);
            props.addOverrideProperty("bloodbank.backends.store", store);
            LOG.info("Backends: broker = {}; store = {}. Point at your own with RABBIT_URL and REDIS_HOST/REDIS_PORT, "
                    + "or choose with BLOODBANK_BROKER=auto|embedded|rabbitmq and BLOODBANK_STORE=auto|embedded|redis", broker, store);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start an embedded backend: " + e.getMessage(), e);
        }
    }

    private String chooseBroker(PropertiesComponent props, Path home) throws Exception {
        String mode = props.resolveProperty("bloodbank.broker").orElse("auto");
        String url = props.resolveProperty("bloodbank.rabbit.url").orElseThrow();
        URI uri = URI.create(url);
        int port = uri.getPort() < 0 ? 5672 : uri.getPort();
        boolean useEmbedded = switch (mode) {
            case "embedded" -> true;
            case "rabbitmq" -> false;
            case "auto" -> System.getenv("RABBIT_URL") == null && !answers(uri.getHost(), port);
            default -> throw new IllegalArgumentException("BLOODBANK_BROKER must be auto, embedded or rabbitmq, not " + mode);
        };
        props.addOverrideProperty("bloodbank.broker.kind", useEmbedded ? "embedded" : "rabbitmq");
        if (!useEmbedded) {
            return "RabbitMQ at " + uri.getHost() + ":" + port;
        }
        // Auto takes the configured port nobody answers on; a forced one keeps its own, beside a real RabbitMQ.
        int embeddedPort = mode.equals("embedded") ? Integer.parseInt(props.resolveProperty("bloodbank.embedded.amqp-port").orElseThrow()) : port;
        started.add(EmbeddedBroker.start(embeddedPort, home.resolve("qpid")));
        props.addOverrideProperty("bloodbank.rabbit.url", "amqp://guest:guest@127.0.0.1:" + embeddedPort);
        return "embedded Qpid Broker-J on 127.0.0.1:" + embeddedPort + " (data in " + home.resolve("qpid") + ")";
    }

    private String chooseStore(PropertiesComponent props, Path home) throws Exception {
        String mode = props.resolveProperty("bloodbank.store").orElse("auto");
        String host = props.resolveProperty("bloodbank.redis.host").orElseThrow();
        int port = Integer.parseInt(props.resolveProperty("bloodbank.redis.port").orElseThrow());
        boolean useEmbedded = switch (mode) {
            case "embedded" -> true;
            case "redis" -> false;
            case "auto" -> System.getenv("REDIS_HOST") == null && !answers(host, port);
            default -> throw new IllegalArgumentException("BLOODBANK_STORE must be auto, embedded or redis, not " + mode);
        };
        if (!useEmbedded) {
            return "Redis at " + host + ":" + port;
        }
        int embeddedPort = mode.equals("embedded") ? Integer.parseInt(props.resolveProperty("bloodbank.embedded.redis-port").orElseThrow()) : port;
        started.add(EmbeddedStore.start(embeddedPort, home.resolve("redis")));
        props.addOverrideProperty("bloodbank.redis.host", "127.0.0.1");
        props.addOverrideProperty("bloodbank.redis.port", Integer.toString(embeddedPort));
        props.addOverrideProperty("bloodbank.redis.password", "");
        return "embedded Redis on 127.0.0.1:" + embeddedPort + " (append-only file in " + home.resolve("redis") + ")";
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void stopEmbedded() {
        for (AutoCloseable backend : started) {
            try {
                backend.close();
            } catch (Exception e) {
                LOG.warn("Stopping an embedded backend failed: {}", e.toString());
            }
        }
        started.clear();
    }
}

package net.delonet.bloodbank.backend;

import com.rabbitmq.client.ConnectionFactory;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import org.apache.camel.Service;
import org.apache.camel.support.service.ServiceSupport;

/** How Bloodbank reaches RabbitMQ and Redis, shared by every configuration that opens a connection. */
public final class Connections {

    private Connections() {
    }

    public static ConnectionFactory rabbit(String url, int connectTimeoutMs) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        // amqp://host:5672/ names the empty vhost by the URI spec; everybody means the default vhost "/".
        factory.setUri(url.matches("amqps?://[^/]*/") ? url.substring(0, url.length() - 1) : url);
        factory.setConnectionTimeout(connectTimeoutMs);
        factory.setHandshakeTimeout(connectTimeoutMs);
        factory.setRequestedHeartbeat(10);
        // Bloodbank reconnects on the next use itself (Spring AMQP does for consumers); a publish during an outage fails fast.
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }

    public static RedisClient redis(String host, int port, String password, int db, long timeoutMs) {
        RedisURI.Builder uri = RedisURI.builder().withHost(host).withPort(port).withDatabase(db)
                .withTimeout(Duration.ofMillis(timeoutMs));
        if (password != null && !password.isEmpty()) {
            uri.withPassword(password.toCharArray());
        }
        // Reconnect within a second of Redis coming back, rather than Lettuce's default back-off of up to 30 s.
        // No per-command latency histograms: Bloodbank times the correlation write itself (BusMetrics).
        ClientResources resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofSeconds(1)))
                .commandLatencyRecorder(CommandLatencyRecorder.disabled()).build();
        RedisClient client = RedisClient.create(resources, uri.build());
        client.setOptions(ClientOptions.builder()
                // While Redis is away, commands fail at once (503) instead of queueing behind a reconnect.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(timeoutMs)).build())
                .build());
        return client;
    }

    /** A service for {@code CamelContext.addService}: closes the resources, in order, when Camel stops. */
    public static Service closedOnStop(AutoCloseable... resources) {
        return new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                for (AutoCloseable resource : resources) {
                    resource.close();
                }
            }
        };
    }
}

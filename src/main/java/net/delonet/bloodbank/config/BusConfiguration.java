package net.delonet.bloodbank.config;

import com.rabbitmq.client.ConnectionFactory;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.vertx.core.VertxOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import net.delonet.bloodbank.correlation.CorrelationQueries;
import net.delonet.bloodbank.correlation.CorrelationStore;
import net.delonet.bloodbank.envelope.EnvelopeReader;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.envelope.TriggerType;
import net.delonet.bloodbank.health.BackendHealthCheck;
import net.delonet.bloodbank.http.ErrorAnswer;
import net.delonet.bloodbank.publish.BarePayloadRequest;
import net.delonet.bloodbank.publish.EventBus;
import net.delonet.bloodbank.publish.EventPublisher;
import net.delonet.bloodbank.publish.PublishAnswer;
import net.delonet.bloodbank.publish.PublishEvent;
import net.delonet.bloodbank.publish.ReadEnvelope;
import net.delonet.bloodbank.publish.RecordCorrelation;
import net.delonet.bloodbank.registry.EventTypeCatalog;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the bus: RabbitMQ publisher, Redis correlation store, the publish steps the routes name, health checks. */
@Configuration
public class BusConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BusConfiguration.class);

    @PropertyInject("bloodbank.rabbit.url") String rabbitUrl;
    @PropertyInject("bloodbank.rabbit.connect-timeout-ms") int rabbitConnectTimeoutMs;
    @PropertyInject("bloodbank.exchange") String exchange;
    @PropertyInject("bloodbank.publish.channels") int publishChannels;
    @PropertyInject("bloodbank.publish.confirm-timeout-ms") long confirmTimeoutMs;
    @PropertyInject("bloodbank.redis.host") String redisHost;
    @PropertyInject("bloodbank.redis.port") int redisPort;
    @PropertyInject("bloodbank.redis.password") String redisPassword;
    @PropertyInject("bloodbank.redis.db") int redisDb;
    @PropertyInject("bloodbank.redis.timeout-ms") long redisTimeoutMs;
    @PropertyInject("bloodbank.correlation.ttl-days") int ttlDays;
    @PropertyInject("bloodbank.correlation.max-depth") int maxDepth;
    @PropertyInject("bloodbank.strict-types") boolean strictTypes;
    @PropertyInject("bloodbank.source.host") String sourceHost;
    @PropertyInject("bloodbank.http.worker-threads") int workerThreads;

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        ConnectionFactory rabbit = rabbit();
        EventPublisher publisher = new EventPublisher(rabbit, exchange, publishChannels, confirmTimeoutMs);
        CorrelationStore store = new CorrelationStore(redis(), Duration.ofDays(ttlDays), Duration.ofMillis(redisTimeoutMs));
        context.addService(closing(publisher, store));
        EventTypeRegistry types = new EventTypeRegistry();
        Source defaultSource = defaultSource();

        registry.bind("rabbitConnectionFactory", rabbit);
        registry.bind("eventTypes", types);
        registry.bind("eventTypeCatalog", new EventTypeCatalog(types));
        registry.bind("eventPublisher", publisher);
        registry.bind("correlationStore", store);
        registry.bind("readEnvelope", new ReadEnvelope(new EnvelopeReader(types, strictTypes, defaultSource)));
        registry.bind("barePayloadRequest", new BarePayloadRequest(defaultSource));
        registry.bind("recordCorrelation", new RecordCorrelation(store));
        registry.bind("publishEvent", new PublishEvent(publisher, store));
        registry.bind("publishAnswer", new PublishAnswer());
        registry.bind("eventBus", new EventBus(context.createProducerTemplate()));
        registry.bind("errorAnswer", new ErrorAnswer());
        registry.bind("correlationQueries", new CorrelationQueries(store, maxDepth));
        registry.bind("rabbitmqHealth", new BackendHealthCheck("rabbitmq", Redacted.url(rabbitUrl), publisher::isReachable));
        registry.bind("redisHealth", new BackendHealthCheck("redis", redisHost + ":" + redisPort, store::isReachable));
        // Each HTTP request holds a Vert.x worker while its route waits for Redis and the broker's confirm.
        registry.bind("vertxOptions", new VertxOptions().setWorkerPoolSize(workerThreads));
        LOG.info("Bloodbank publishes to exchange '{}' on {} and records correlation in Redis {}:{} db {}",
                exchange, Redacted.url(rabbitUrl), redisHost, redisPort, redisDb);
    }

    private ConnectionFactory rabbit() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        // amqp://host:5672/ names the empty vhost by the URI spec; everybody means the default vhost "/".
        factory.setUri(rabbitUrl.matches("amqps?://[^/]*/") ? rabbitUrl.substring(0, rabbitUrl.length() - 1) : rabbitUrl);
        factory.setConnectionTimeout(rabbitConnectTimeoutMs);
        factory.setHandshakeTimeout(rabbitConnectTimeoutMs);
        factory.setRequestedHeartbeat(10);
        // Bloodbank reconnects on the next publish itself; a publish during an outage fails fast with 503.
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }

    private RedisClient redis() {
        RedisURI.Builder uri = RedisURI.builder().withHost(redisHost).withPort(redisPort).withDatabase(redisDb)
                .withTimeout(Duration.ofMillis(redisTimeoutMs));
        if (redisPassword != null && !redisPassword.isEmpty()) {
            uri.withPassword(redisPassword.toCharArray());
        }
        // Reconnect within a second of Redis coming back, rather than Lettuce's default back-off of up to 30 s.
        ClientResources resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofSeconds(1))).build();
        RedisClient client = RedisClient.create(resources, uri.build());
        client.setOptions(ClientOptions.builder()
                // While Redis is away, commands fail at once (503) instead of queueing behind a reconnect.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(redisTimeoutMs)).build())
                .build());
        return client;
    }

    private Source defaultSource() {
        String host = sourceHost;
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return new Source(host, TriggerType.MANUAL, "bloodbank-http", null);
    }

    private static ServiceSupport closing(AutoCloseable... resources) {
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

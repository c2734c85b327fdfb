package net.delonet.bloodbank.publish;

import com.rabbitmq.client.ConnectionFactory;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import net.delonet.bloodbank.backend.Connections;
import net.delonet.bloodbank.backend.Redacted;
import net.delonet.bloodbank.backend.SharedSettings;
import net.delonet.bloodbank.correlation.CorrelationQueries;
import net.delonet.bloodbank.correlation.CorrelationStore;
import net.delonet.bloodbank.envelope.EnvelopeReader;
import net.delonet.bloodbank.envelope.LocalHost;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.envelope.TriggerType;
import net.delonet.bloodbank.health.BackendHealthCheck;
import net.delonet.bloodbank.health.RoundTrip;
import net.delonet.bloodbank.ops.BusMetrics;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the bus: RabbitMQ publisher, Redis correlation store, the publish steps the routes name, health checks. */
@Configuration
public class BusConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BusConfiguration.class);

    @BeanInject SharedSettings shared;
    @BeanInject ConnectionFactory rabbit;
    @BeanInject RedisClient redis;
    @BeanInject BusMetrics metrics;
    @BeanInject EventTypeRegistry types;
    @PropertyInject("bloodbank.publish.channels") int publishChannels;
    @PropertyInject("bloodbank.correlation.ttl-days") int ttlDays;
    @PropertyInject("bloodbank.correlation.max-depth") int maxDepth;
    @PropertyInject("bloodbank.correlation.page-size") int pageSize;
    @PropertyInject("bloodbank.strict-types") boolean strictTypes;
    @PropertyInject("bloodbank.health.round-trip-timeout-ms") long healthTimeoutMs;

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        // Publishing on NIO: publishes queue their frames and one I/O thread writes them in batches, so neither the
        // publisher nor the broker pays a socket write per message.
        ConnectionFactory publishing = rabbit.clone();
        publishing.useNio();
        EventPublisher publisher = new EventPublisher(publishing, shared.exchange(), publishChannels, shared.confirmTimeoutMs());
        CorrelationStore store = new CorrelationStore(redis, Duration.ofDays(ttlDays), Duration.ofMillis(shared.redisTimeoutMs()));
        // Readiness asks each backend for a round trip, bounded, so a hung broker or Redis reads as DOWN quickly.
        RoundTrip rabbitAnswers = new RoundTrip("bloodbank-rabbitmq-health", Duration.ofMillis(healthTimeoutMs), publisher::isReachable);
        RoundTrip redisAnswers = new RoundTrip("bloodbank-redis-health", Duration.ofMillis(healthTimeoutMs), store::isReachable);
        context.addService(Connections.closedOnStop(rabbitAnswers, redisAnswers, publisher, store));
        // Connect once at start-up, so the first publish does not pay for it; an absent backend is only logged
        // here and reported by the health checks.
        context.addStartupListener((ctx, alreadyStarted) -> {
            if (!rabbitAnswers.getAsBoolean() || !redisAnswers.getAsBoolean()) {
                LOG.warn("RabbitMQ or Redis is not reachable yet: publishing answers 503 until both are");
            }
        });
        Source defaultSource = defaultSource();

        registry.bind("eventPublisher", publisher);
        registry.bind("correlationStore", store);
        registry.bind("readEnvelope", new ReadEnvelope(new EnvelopeReader(types, strictTypes, defaultSource)));
        registry.bind("barePayloadRequest", new BarePayloadRequest(defaultSource));
        registry.bind("recordCorrelation", new RecordCorrelation(store, metrics));
        registry.bind("publishEvent", new PublishEvent(publisher, store, metrics, types));
        registry.bind("publishAnswer", new PublishAnswer());
        registry.bind("correlationQueries", new CorrelationQueries(store, maxDepth, pageSize));
        registry.bind("rabbitmqHealth", new BackendHealthCheck("rabbitmq", Redacted.url(shared.rabbitUrl()), rabbitAnswers));
        registry.bind("redisHealth", new BackendHealthCheck("redis", shared.redisHost() + ":" + shared.redisPort(), redisAnswers));
        LOG.info("Bloodbank publishes to exchange '{}' on {} and records correlation in Redis {}:{} db {}",
                shared.exchange(), Redacted.url(shared.rabbitUrl()), shared.redisHost(), shared.redisPort(), shared.redisDb());
    }

    private Source defaultSource() {
        return new Source(LocalHost.name(shared.sourceHost()), TriggerType.MANUAL, "bloodbank-http", null);
    }
}

package net.delonet.bloodbank.consume;

import com.rabbitmq.client.ConnectionFactory;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import net.delonet.bloodbank.backend.Connections;
import net.delonet.bloodbank.backend.SharedSettings;
import net.delonet.bloodbank.consume.pipeline.Attempts;
import net.delonet.bloodbank.consume.pipeline.CallHandler;
import net.delonet.bloodbank.consume.pipeline.CompleteEvent;
import net.delonet.bloodbank.consume.pipeline.DeadLetter;
import net.delonet.bloodbank.consume.pipeline.Dedupe;
import net.delonet.bloodbank.consume.pipeline.DeliveryConverter;
import net.delonet.bloodbank.consume.pipeline.FailureReport;
import net.delonet.bloodbank.consume.pipeline.FirstReplica;
import net.delonet.bloodbank.consume.pipeline.ReceiveEvent;
import net.delonet.bloodbank.consume.recovery.ArchiveReplay;
import net.delonet.bloodbank.consume.recovery.DeadLetterQueues;
import net.delonet.bloodbank.consume.recovery.Redrive;
import net.delonet.bloodbank.consume.topology.AdminConnection;
import net.delonet.bloodbank.consume.topology.DeclareConsumerQueues;
import net.delonet.bloodbank.consume.topology.QueueWriter;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.envelope.LocalHost;
import net.delonet.bloodbank.ops.BusMetrics;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.springrabbit.SpringRabbitMQComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * Wires reliable consumers: the broker topology, the consumer connection the template's routes read from, Redis
 * dedupe, the steps the template names, dead letters and the archive's replay.
 */
@Configuration
public class ConsumeConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumeConfiguration.class);

    @BeanInject SharedSettings shared;
    @BeanInject ConnectionFactory rabbit;
    @BeanInject RedisClient redis;
    @BeanInject BusMetrics metrics;
    @BeanInject EventTypeRegistry types;
    @PropertyInject("bloodbank.replica-id") String replicaId;
    @PropertyInject("bloodbank.consumer.queue-type") String queueType;
    @PropertyInject("bloodbank.consumer.claim-ttl-ms") long claimTtlMs;
    @PropertyInject("bloodbank.dlq.max-redrives") int maxRedrives;
    @PropertyInject("bloodbank.archive.enabled") boolean archiveEnabled;
    @PropertyInject("bloodbank.archive.max-age") String archiveMaxAge;
    @PropertyInject("bloodbank.archive.max-bytes") long archiveMaxBytes;
    @PropertyInject("bloodbank.replay.max-duration-ms") long replayMaxDurationMs;
    @PropertyInject("bloodbank.replay.max-events") int replayMaxEvents;
    @PropertyInject("bloodbank.replay.idle-ms") long replayIdleMs;
    @PropertyInject(value = "bloodbank.broker.kind", defaultValue = "rabbitmq") String brokerKind;

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        AdminConnection broker = new AdminConnection(rabbit);
        // The embedded broker (Qpid Broker-J) has neither streams nor quorum queues: no archive, its own queue type.
        boolean rabbitmq = !"embedded".equals(brokerKind);
        if (!rabbitmq && archiveEnabled) {
            LOG.info("The archive (and POST /replay) needs RabbitMQ's streams: off with the embedded broker");
        }
        Topology topology = new Topology(broker, shared.exchange(), shared.queuePrefix(), rabbitmq ? queueType : null,
                archiveEnabled && rabbitmq ? new Topology.ArchiveRetention(archiveMaxAge, archiveMaxBytes) : null);
        // The template's routes consume through Spring AMQP, which reconnects by itself and redeclares on reconnect.
        CachingConnectionFactory consumers = new CachingConnectionFactory(rabbit);
        consumers.setConnectionNameStrategy(factory -> "bloodbank-consumers");
        consumers.addConnectionListener(topology);
        context.getComponent("spring-rabbitmq", SpringRabbitMQComponent.class).setConnectionFactory(consumers);
        Dedupe dedupe = new Dedupe(redis, shared.queuePrefix(), Duration.ofMillis(claimTtlMs),
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "consumer-claim-renewal"));
        context.addService(Connections.closedOnStop(consumers::destroy, dedupe, broker));
        // Resolved once (host name when unset) for the routes naming per-replica consumers: rag-ingester-{{bloodbank.replica-id}}
        String replica = FirstReplica.id(replicaId);
        context.getPropertiesComponent().addOverrideProperty("bloodbank.replica-id", replica);
        QueueWriter writer = new QueueWriter(broker, shared.confirmTimeoutMs());
        FailureReport report = new FailureReport(topology, types, LocalHost.name(shared.sourceHost()));

        registry.bind("consumerTopology", topology);
        registry.bind("declareConsumerQueues", new DeclareConsumerQueues(topology, types));
        registry.bind("deliveryConverter", new DeliveryConverter());
        registry.bind("receiveEvent", new ReceiveEvent(types, dedupe));
        registry.bind("callHandler", new CallHandler(context.createProducerTemplate()));
        registry.bind("completeEvent", new CompleteEvent());
        // As long as the template's default dedupe TTL: a redelivery a day later is no longer told from a new event.
        registry.bind("firstReplica", new FirstReplica(dedupe, shared.queuePrefix(), replica, Duration.ofDays(1)));
        registry.bind("consumerAttempts", new Attempts());
        registry.bind("deadLetter", new DeadLetter(topology, writer, report));
        registry.bind("deadLetterQueues", new DeadLetterQueues(topology, broker, metrics));
        registry.bind("redrive", new Redrive(topology, broker, writer, maxRedrives));
        registry.bind("archiveReplay", new ArchiveReplay(topology, broker, writer,
                new ArchiveReplay.ReplayLimits(replayMaxDurationMs, replayMaxEvents, replayIdleMs), types));
        // The exchange and the archive exist before the first publish; a broker that is away gets them on reconnect.
        context.addStartupListener((started, alreadyStarted) -> declareShared(topology));
    }

    private static void declareShared(Topology topology) {
        try {
            topology.declareShared();
        } catch (Exception e) {
            LOG.warn("Could not declare the exchange and archive yet ({}): they are declared when consumers connect", e.toString());
        }
    }
}

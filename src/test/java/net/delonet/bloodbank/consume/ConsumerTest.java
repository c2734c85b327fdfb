package net.delonet.bloodbank.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.backend.Connections;
import net.delonet.bloodbank.consume.topology.DeclareConsumerQueues;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.events.ArtifactEvents;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.Consumers;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.RecordingHandler;
import net.delonet.bloodbank.testing.RedisProbe;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A consumer declared from the template: its queue, what its handler gets, and once-only handling. */
// A claim lives 0.5 s unless its holder renews it.
@BloodbankTest("bloodbank.consumer.claim-ttl-ms=500")
class ConsumerTest {

    private final String ns = "c" + UUID.randomUUID().toString().substring(0, 8);
    private final String name = ns + "-reader";
    private final RecordingHandler handler = new RecordingHandler();
    private RunningBloodbank bloodbank;
    private HttpApi api;
    private BrokerProbe broker;
    private RedisProbe redis;

    @BeforeAll
    void addConsumer() {
        Consumers.add(bloodbank, name, ns + ".*.made,artifact.created", handler, Map.of("concurrency", "2"));
    }

    private String publish(String type, String payload, String eventId) {
        String id = eventId == null ? "" : "\"event_id\":\"" + eventId + "\",";
        return api.post("/events", "{" + id + "\"event_type\":\"" + type + "\",\"payload\":" + payload + "}")
                .json().get("event_id").asText();
    }

    @Test
    void should_declare_a_durable_queue_bound_with_the_patterns_and_its_dead_letter_queues() {
        Topology topology = bloodbank.topology();
        assertThat(topology.queue(name)).endsWith("." + name);
        assertThat(broker.exists(topology.queue(name))).isTrue();
        assertThat(broker.exists(topology.deadLetters(name))).isTrue();
        assertThat(broker.exists(topology.parked(name))).isTrue();

        String matching = publish(ns + ".thing.made", "{}", null);
        String other = publish(ns + ".thing.broken", "{}", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(matching).size() == 1);
        assertThat(handler.calls(other)).isEmpty();
    }

    @Test
    void should_give_the_handler_the_typed_payload_and_remember_the_event_once_handled() {
        String artifactId = ns + "-doc";
        String eventId = publish("artifact.created", "{\"artifact_id\":\"" + artifactId + "\",\"title\":\"Notes\"}", null);

        await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(eventId).size() == 1);
        RecordingHandler.Call call = handler.calls(eventId).get(0);
        assertThat(call.eventType()).isEqualTo("artifact.created");
        assertThat(call.body()).isEqualTo(new ArtifactEvents.Artifact(artifactId, null, "Notes", null, null, null, null, null, null, null, null));
        String processed = "bloodbank:processed:" + bloodbank.topology().queue(name) + ":" + eventId;
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.redis().exists(processed) == 1);
        assertThat(redis.redis().ttl(processed)).isBetween(86_000L, 86_400L);
        assertThat(redis.redis().exists("bloodbank:processing:" + bloodbank.topology().queue(name) + ":" + eventId)).isZero();
        assertThat(broker.depth(bloodbank.topology().queue(name))).isZero();
    }

    @Test
    void should_handle_an_event_published_twice_once_even_while_the_first_copy_outlasts_its_claims_lifetime() {
        String eventId = UUID.randomUUID().toString();
        // With two consumer threads both copies are in flight at once; the first holds its claim (renewed) for
        // longer than a claim lives, the second waits, retries, and finds the event handled.
        handler.behave(call -> {
            sleep(eventId.equals(call.eventId()) ? 1200 : 0);
            return null;
        });
        publish(ns + ".twice.made", "{}", eventId);
        publish(ns + ".twice.made", "{}", eventId);
        String later = publish(ns + ".twice.made", "{}", null);

        await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(later).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.depth(bloodbank.topology().queue(name)) == 0
                && redis.redis().exists("bloodbank:processed:" + bloodbank.topology().queue(name) + ":" + eventId) == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> handler.calls(eventId).size() == 1);
        assertThat(broker.depth(bloodbank.topology().deadLetters(name))).isZero();
        handler.behave(call -> null);
    }

    @Test
    void should_log_one_line_per_artifact_event_in_the_example_consumer() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger("bloodbank.artifact-logger");
        lines.start();
        logger.addAppender(lines);
        try {
            String eventId = publish("artifact.updated", "{\"artifact_id\":\"" + ns + "-log\"}", null);
            // the original Python producers' shape (no id; known by its uri) is logged alike
            String original = publish("artifact.updated", "{\"action\":\"updated\",\"kind\":\"file\",\"uri\":\"/" + ns + "\"}", null);
            // generous: on a loaded 2-core machine the consumer may take a while to get a core
            await().atMost(Duration.ofSeconds(30)).until(() -> mentioning(lines, eventId).size() == 1
                    && mentioning(lines, original).size() == 1);
            await().during(Duration.ofMillis(500)).until(() -> mentioning(lines, eventId).size() == 1);
            assertThat(mentioning(lines, eventId).get(0)).isEqualTo("artifact event_id=" + eventId
                    + " event_type=artifact.updated source=" + net.delonet.bloodbank.envelope.LocalHost.name(null)
                    + " payload={\"artifact_id\":\"" + ns + "-log\"}");
            assertThat(mentioning(lines, original).get(0)).endsWith(
                    " payload={\"action\":\"updated\",\"kind\":\"file\",\"uri\":\"/" + ns + "\"}");
        } finally {
            logger.detachAppender(lines);
        }
    }

    /** The guide's "fireflies.*" as a consumer's pattern binds a queue no registered event ever reaches: logged once. */
    @Test
    void should_log_a_warning_for_a_star_pattern_that_can_never_match_a_registered_type() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(DeclareConsumerQueues.class);
        lines.start();
        logger.addAppender(lines);
        try {
            Consumers.add(bloodbank, ns + "-star", "fireflies.*,llm.*", new RecordingHandler());
            synchronized (lines) {
                assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                        .filteredOn(line -> line.contains("matches no registered event type")).singleElement().asString()
                        .startsWith("Consumer " + ns + "-star: 'fireflies.*' matches").contains("'fireflies.#'");
            }
        } finally {
            logger.detachAppender(lines);
        }
    }

    private static List<String> mentioning(ListAppender<ILoggingEvent> lines, String eventId) {
        // The appender adds under its own lock.
        synchronized (lines) {
            return lines.list.stream().map(ILoggingEvent::getFormattedMessage).filter(line -> line.contains(eventId)).toList();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

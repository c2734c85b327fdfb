package net.delonet.bloodbank.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import net.delonet.bloodbank.consume.pipeline.DeadLetter;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.refusal.NonRetryableException;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.Consumers;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.LogCapture;
import net.delonet.bloodbank.testing.RecordingHandler;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consumer's failures: retried with growing waits, then the original message on its dead-letter queue with why,
 * and a .failed event whose parent is the failed event. Payloads say how the test handler fails: {"fail": ...}.
 */
@BloodbankTest
class DeadLetterTest {

    private final String ns = "d" + UUID.randomUUID().toString().substring(0, 8);
    private final String name = ns + "-orders";
    private final RecordingHandler handler = new RecordingHandler().behave(call -> switch (fail(call)) {
        case "retryable" -> new IllegalStateException("downstream answered 503");
        case "never" -> new NonRetryableException("E_REFUSED", "downstream refused the order", null);
        case "declared" -> new java.util.NoSuchElementException("no such customer");
        default -> null;
    });
    private RunningBloodbank bloodbank;
    private HttpApi api;
    private BrokerProbe broker;
    private String deadLetters;

    @BeforeAll
    void addConsumer() {
        // Waits of 100, 200, 400 and (capped) 400 ms; NoSuchElementException declared non-retryable.
        Consumers.add(bloodbank, name, ns + ".order.*", handler, Map.of("retries", "4", "initialDelayMs", "100",
                "multiplier", "2", "maxDelayMs", "400", "nonRetryable", "java.util.NoSuchElementException"));
        deadLetters = bloodbank.topology().deadLetters(name);
    }

    /** A handler that is a route of its own, with Camel's default error handler, failing every time. */
    private String routeHandler() throws Exception {
        String endpoint = "direct:" + ns + "-failing-route";
        // A lambda, not a RouteBuilder subclass: Camel Main's package scan would pick that up in every test.
        RouteBuilder.addRoutes(bloodbank.context(), routes -> routes.from(endpoint)
                .throwException(new IllegalStateException("the route failed")));
        return endpoint;
    }

    /** How the handler fails for a call: as its payload says; .failed events it always refuses. */
    private static String fail(RecordingHandler.Call call) {
        if (call.eventType().endsWith(".failed")) {
            return "never";
        }
        return call.body() instanceof JsonNode payload ? payload.path("fail").asText("") : "";
    }

    private String publish(String type, String fail) {
        return api.post("/events", "{\"event_type\":\"%s\",\"payload\":{\"fail\":\"%s\"}}".formatted(type, fail))
                .json().get("event_id").asText();
    }

    /** The dead letter of {@code eventId}, taken off the queue (others are put back). */
    private GetResponse deadLetter(String eventId) {
        AtomicReference<GetResponse> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (GetResponse message : broker.drain(deadLetters, 100)) {
                if (eventId.equals(message.getProps().getMessageId())) {
                    found.set(message);
                } else {
                    broker.publishTo(deadLetters, message.getProps(), message.getBody());
                }
            }
            return found.get() != null;
        });
        return found.get();
    }

    private static String header(GetResponse message, String name) {
        Object value = message.getProps().getHeaders().get(name);
        return value == null ? null : value.toString();
    }

    @Test
    void should_keep_the_dead_letter_and_say_so_when_the_bus_refuses_its_failed_event() throws Exception {
        // a two-segment type of 250 bytes is accepted; its .failed type (257 bytes) is over the AMQP limit: 422
        String type = ns + "." + "x".repeat(249 - ns.length());
        String consumer = ns + "-long";
        Consumers.add(bloodbank, consumer, ns + ".*", handler, Map.of("retries", "0"));
        try (LogCapture log = new LogCapture()) {
            String eventId = publish(type, "never");

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(log.mentioning(eventId))
                    .filteredOn(line -> line.level() == Level.ERROR).singleElement().satisfies(line ->
                            assertThat(line.message()).contains(consumer, "could not publish the .failed event", "event_type")));
            assertThat(broker.drain(bloodbank.topology().deadLetters(consumer), 1000))
                    .extracting(m -> m.getProps().getMessageId()).containsExactly(eventId);
            assertThat(broker.depth(bloodbank.topology().queue(consumer))).as("acknowledged").isZero();
        }
    }

    @Test
    void should_retry_with_exponential_capped_waits_then_dead_letter_the_original_with_why() throws Exception {
        String probe = broker.queueBoundTo(ns + ".order.failed");
        String eventId = publish(ns + ".order.placed", "retryable");

        GetResponse dead = deadLetter(eventId);
        List<RecordingHandler.Call> calls = handler.calls(eventId);
        assertThat(calls).hasSize(5);
        long[] waits = new long[4];
        for (int i = 0; i < 4; i++) {
            waits[i] = calls.get(i + 1).atMillis() - calls.get(i).atMillis();
        }
        assertThat(waits[0]).isBetween(95L, 350L);
        assertThat(waits[1]).isBetween(190L, 450L);
        assertThat(waits[2]).isBetween(380L, 650L);
        assertThat(waits[3]).as("capped at maxDelayMs").isBetween(380L, 650L);
        assertThat(waits[1]).isGreaterThan(waits[0] + 50);
        assertThat(waits[2]).isGreaterThan(waits[1] + 100);

        JsonNode body = EnvelopeJson.mapper().readTree(dead.getBody());
        assertThat(body.get("event_id").asText()).isEqualTo(eventId);
        assertThat(body.get("payload").get("fail").asText()).isEqualTo("retryable");
        AMQP.BasicProperties props = dead.getProps();
        assertThat(props.getMessageId()).isEqualTo(eventId);
        assertThat(props.getType()).isEqualTo(ns + ".order.placed");
        assertThat(props.getDeliveryMode()).isEqualTo(2);
        assertThat(header(dead, DeadLetter.CONSUMER)).isEqualTo(name);
        assertThat(header(dead, DeadLetter.ERROR_CLASS)).isEqualTo("java.lang.IllegalStateException");
        assertThat(header(dead, DeadLetter.ERROR_MESSAGE)).isEqualTo("downstream answered 503");
        assertThat(header(dead, DeadLetter.ATTEMPTS)).isEqualTo("5");
        assertThat(header(dead, DeadLetter.RETRYABLE)).isEqualTo("true");
        assertThat(header(dead, DeadLetter.ROUTING_KEY)).isEqualTo(ns + ".order.placed");
        assertThat(OffsetDateTime.parse(header(dead, DeadLetter.LAST_FAILURE)))
                .isAfter(OffsetDateTime.parse(header(dead, DeadLetter.FIRST_FAILURE)).plusNanos(900_000_000));

        GetResponse failed = broker.take(probe, 5000);
        JsonNode event = EnvelopeJson.mapper().readTree(failed.getBody());
        assertThat(event.get("event_type").asText()).isEqualTo(ns + ".order.failed");
        assertThat(event.get("correlation_ids")).extracting(JsonNode::asText).containsExactly(eventId);
        assertThat(failed.getProps().getCorrelationId()).isEqualTo(eventId);
        JsonNode payload = event.get("payload");
        assertThat(payload.get("failed_stage").asText()).isEqualTo(name);
        assertThat(payload.get("error_message").asText()).isEqualTo("downstream answered 503");
        assertThat(payload.get("error_code").asText()).isEqualTo("IllegalStateException");
        assertThat(payload.get("is_retryable").asBoolean()).isTrue();
        assertThat(payload.get("retry_count").asInt()).isEqualTo(4);
        assertThat(payload.at("/metadata/attempts").asInt()).isEqualTo(5);
        assertThat(payload.at("/metadata/dead_letter_queue").asText()).isEqualTo(deadLetters);
        JsonNode chain = api.get("/debug/correlation/" + event.get("event_id").asText()).json();
        assertThat(chain.get("parents")).extracting(JsonNode::asText).containsExactly(eventId);
    }

    @Test
    void should_log_one_warn_line_per_attempt_and_one_line_when_dead_lettered() {
        try (LogCapture log = new LogCapture()) {
            String eventId = publish(ns + ".order.logged", "retryable");
            deadLetter(eventId);

            // the dead-letter line comes once the .failed event is out
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<LogCapture.Line> mine = log.mentioning(eventId);
                for (int attempt = 1; attempt <= 5; attempt++) {
                    String counted = "attempt " + attempt + "/5";
                    assertThat(mine).filteredOn(line -> line.message().contains(counted)).singleElement().satisfies(line -> {
                        assertThat(line.level()).isEqualTo(Level.WARN);
                        assertThat(line.message()).contains(name, ns + ".order.logged", "downstream answered 503");
                    });
                }
                assertThat(mine).filteredOn(line -> line.message().contains("dead-lettered")).singleElement()
                        .satisfies(line -> assertThat(line.message()).contains(deadLetters, ns + ".order.failed"));
                assertThat(mine).hasSize(6);
            });
            assertThat(log.lines()).noneMatch(line -> line.level() == Level.ERROR || line.stackTrace());
        }
    }

    @Test
    void should_retry_and_dead_letter_a_handler_route_that_has_an_error_handler_of_its_own() throws Exception {
        String consumer = ns + "-routed";
        TemplatedRouteBuilder.builder(bloodbank.context(), "bloodbank-consumer").routeId("consumer-" + consumer)
                .parameter("name", consumer).parameter("patterns", ns + ".routed.*").parameter("handler", routeHandler())
                .parameter("retries", "1").parameter("initialDelayMs", "50").add();
        String eventId = publish(ns + ".routed.thing", "");

        // its own .failed event (ns.routed.failed) matches its pattern too, and is dead-lettered beside it
        String queue = bloodbank.topology().deadLetters(consumer);
        AtomicReference<GetResponse> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            broker.drain(queue, 100).stream().filter(m -> eventId.equals(m.getProps().getMessageId())).findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        GetResponse dead = found.get();
        assertThat(header(dead, DeadLetter.ATTEMPTS)).isEqualTo("2");
        assertThat(header(dead, DeadLetter.ERROR_MESSAGE)).isEqualTo("the route failed");
        // Acknowledged once the .failed event is out (the embedded broker counts unacknowledged messages too).
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.depth(bloodbank.topology().queue(consumer)) == 0);
    }

    @Test
    void should_dead_letter_a_non_retryable_failure_at_once() throws Exception {
        String probe = broker.queueBoundTo(ns + ".order.failed");
        String refused = publish(ns + ".order.refused", "never");
        String declared = publish(ns + ".order.unknown", "declared");

        GetResponse dead = deadLetter(refused);
        assertThat(header(dead, DeadLetter.ATTEMPTS)).isEqualTo("1");
        assertThat(header(dead, DeadLetter.RETRYABLE)).isEqualTo("false");
        assertThat(header(dead, DeadLetter.ERROR_CODE)).isEqualTo("E_REFUSED");
        assertThat(header(deadLetter(declared), DeadLetter.ERROR_CLASS)).isEqualTo("java.util.NoSuchElementException");
        assertThat(handler.calls(refused)).hasSize(1);
        assertThat(handler.calls(declared)).hasSize(1);

        JsonNode failure = EnvelopeJson.mapper().readTree(broker.drain(probe, 1000).stream()
                .filter(m -> new String(m.getBody(), StandardCharsets.UTF_8).contains(refused)).findFirst().orElseThrow().getBody());
        assertThat(failure.at("/payload/is_retryable").asBoolean()).isFalse();
        assertThat(failure.at("/payload/retry_count").asInt()).isZero();
        assertThat(failure.at("/payload/error_code").asText()).isEqualTo("E_REFUSED");
    }

    @Test
    void should_dead_letter_a_failure_of_a_failed_event_without_another_failed_event() throws Exception {
        String probe = broker.queueBoundTo(ns + ".order.failed");
        String eventId = publish(ns + ".order.cancelled", "never");
        // The consumer is bound to <ns>.order.*: it receives its own .failed event, and its handler refuses that too.
        GetResponse failed = broker.take(probe, 10_000);
        String failedId = failed.getProps().getMessageId();
        deadLetter(eventId);
        assertThat(header(deadLetter(failedId), DeadLetter.ERROR_CODE)).isEqualTo("E_REFUSED");
        assertThat(broker.drain(probe, 1000)).isEmpty();
    }
}

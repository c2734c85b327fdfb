package net.delonet.bloodbank.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.util.UUID;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RedisProbe;
import net.delonet.bloodbank.testing.TcpProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A backend that hangs is not a backend that said no: a publish the broker may still take answers 504 and keeps its
 * causation, a Redis write that runs late leaves nothing behind, and readiness turns DOWN without a slow probe.
 */
@BloodbankTest({"bloodbank.publish.confirm-timeout-ms=" + FaultSuiteTest.CONFIRM_TIMEOUT_MS,
        "bloodbank.redis.timeout-ms=" + FaultSuiteTest.REDIS_TIMEOUT_MS, "bloodbank.health.round-trip-timeout-ms=500"})
@DisabledIfSystemProperty(named = "bloodbank.test.backends", matches = "embedded",
        disabledReason = "hangs the link to an external RabbitMQ and Redis; embedded backends run in-process")
class HungBackendTest {

    private final TcpProxy rabbit = TcpProxy.toRabbit();
    private final TcpProxy redisLink = TcpProxy.toRedis();
    private final String ns = "h" + UUID.randomUUID().toString().substring(0, 8);
    private HttpApi api;
    private BrokerProbe broker;
    private RedisProbe redis;

    private Answer publishChild(String eventId, String parent) {
        return api.post("/events", "{\"event_id\":\"%s\",\"event_type\":\"%s.hung.child\",\"payload\":{},\"correlation_ids\":[\"%s\"]}"
                .formatted(eventId, ns, parent));
    }

    @Test
    void should_answer_504_and_keep_the_record_of_an_event_the_hung_broker_delivers_later() {
        String queue = broker.queueBoundTo(ns + ".hung.#");
        // Every publishing channel open: one that still had to be opened would fail for sure (503), not unknown.
        for (int i = 0; i < 16; i++) {
            assertThat(publishChild(UUID.randomUUID().toString(), UUID.randomUUID().toString()).status()).isEqualTo(202);
        }
        broker.drain(queue, 200);
        String id = UUID.randomUUID().toString();
        String parent = UUID.randomUUID().toString();
        rabbit.pause();
        Answer unknown;
        try {
            unknown = publishChild(id, parent);
        } finally {
            rabbit.resume();
        }
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(504);
        assertThat(unknown.json().get("status").asInt()).isEqualTo(504);
        assertThat(unknown.json().get("event_id").asText()).isEqualTo(id);
        assertThat(unknown.json().get("error").asText()).contains("outcome unknown", "same event_id");
        GetResponse late = broker.take(queue, 5000);
        assertThat(late).isNotNull();
        assertThat(late.getProps().getMessageId()).isEqualTo(id);
        assertThat(redis.redis().get("bloodbank:correlation:forward:" + id)).contains(parent);
        assertThat(redis.redis().smembers("bloodbank:correlation:reverse:" + parent)).containsExactly(id);
        // The client retries with the same id: the same event again (consumers deduplicate), its record kept.
        assertThat(publishChild(id, parent).status()).isEqualTo(202);
        assertThat(redis.redis().get("bloodbank:correlation:forward:" + id)).contains(parent);
    }

    @Test
    void should_keep_the_record_of_an_earlier_publish_when_its_retry_is_refused() {
        String id = UUID.randomUUID().toString();
        String parent = UUID.randomUUID().toString();
        assertThat(publishChild(id, parent).status()).isEqualTo(202);
        rabbit.cut();
        try {
            assertThat(publishChild(id, parent).status()).isEqualTo(503);
        } finally {
            rabbit.restore();
        }
        // The first publish was delivered: its causation must outlive the refused retry.
        assertThat(redis.redis().get("bloodbank:correlation:forward:" + id)).contains(parent);
        assertThat(redis.redis().smembers("bloodbank:correlation:reverse:" + parent)).containsExactly(id);
    }

    @Test
    void should_answer_503_and_leave_no_record_when_the_hung_redis_runs_the_write_late() throws Exception {
        String queue = broker.queueBoundTo(ns + ".hung.#");
        String id = UUID.randomUUID().toString();
        String parent = UUID.randomUUID().toString();
        redisLink.pause();
        Answer refused;
        try {
            refused = publishChild(id, parent);
        } finally {
            redisLink.resume();
        }
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().get("error").asText()).contains("Redis");
        // Redis now gets the held write, after its deadline: it must refuse it.
        Thread.sleep(1000);
        assertThat(redis.redis().exists("bloodbank:correlation:forward:" + id)).isZero();
        assertThat(redis.redis().exists("bloodbank:correlation:reverse:" + parent)).isZero();
        assertThat(broker.drain(queue, 300)).isEmpty();
    }

    @Test
    void should_turn_not_ready_quickly_while_the_broker_is_silent() {
        assertNotReadyWhile(rabbit::silence, rabbit::restore);
    }

    @Test
    void should_turn_not_ready_quickly_while_redis_is_silent() {
        assertNotReadyWhile(redisLink::silence, redisLink::restore);
    }

    @Test
    void should_turn_not_ready_quickly_while_the_broker_hangs_with_its_connections_open() {
        assertNotReadyWhile(rabbit::pause, rabbit::resume);
    }

    private void assertNotReadyWhile(Runnable hang, Runnable wake) {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/observe/health").status() == 200);
        Health health = new Health(api);
        hang.run();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> health.status() == 503);
            for (int i = 0; i < 3; i++) {
                assertThat(health.status()).isEqualTo(503);
            }
        } finally {
            wake.run();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> health.status() == 200);
        // Bounded by the round trips (0.5 s each), whatever the backend does; room left for a loaded machine.
        assertThat(health.slowestMillis()).as("probes: %s", health.probes()).isLessThan(2500);
    }
}

package net.delonet.bloodbank.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RedisProbe;
import net.delonet.bloodbank.testing.TcpProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * RabbitMQ or Redis going away: Bloodbank reaches each through a loopback relay that the test cuts, which the
 * application sees as the server stopping (the shared servers keep running for other tests).
 */
@BloodbankTest("bloodbank.publish.confirm-timeout-ms=" + OutageTest.CONFIRM_TIMEOUT_MS)
@DisabledIfSystemProperty(named = "bloodbank.test.backends", matches = "embedded",
        disabledReason = "cuts the link to an external RabbitMQ and Redis; embedded backends run in-process")
class OutageTest {

    static final long CONFIRM_TIMEOUT_MS = 2000;

    private final TcpProxy rabbit = TcpProxy.toRabbit();
    private final TcpProxy redisLink = TcpProxy.toRedis();
    private HttpApi api;
    private BrokerProbe broker;
    private RedisProbe redis;
    private final String ns = "o" + UUID.randomUUID().toString().substring(0, 8);

    private Answer publish(String marker) {
        return api.post("/events", "{\"event_type\":\"%s.outage.test\",\"payload\":{\"m\":\"%s\"}}".formatted(ns, marker));
    }

    @Test
    void should_answer_503_within_seconds_while_the_broker_is_away_and_recover_after() {
        String queue = broker.queueBoundTo(ns + ".#");
        assertThat(publish("before").status()).isEqualTo(202);
        broker.drain(queue, 200);

        rabbit.cut();
        long started = System.nanoTime();
        Answer refused = publish("during");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("error").asText()).contains("RabbitMQ");
        assertThat(api.get("/observe/health").status()).isEqualTo(503);

        rabbit.restore();
        await().atMost(Duration.ofSeconds(15)).until(() -> publish("after").status() == 202);
        assertThat(broker.drain(queue, 300)).extracting(m -> new String(m.getBody()))
                .noneMatch(body -> body.contains("\"during\"")).anyMatch(body -> body.contains("\"after\""));
        assertThat(api.get("/observe/health").status()).isEqualTo(200);
    }

    @Test
    void should_answer_each_publish_503_within_the_confirm_timeout_while_the_broker_hangs() {
        String queue = broker.queueBoundTo(ns + ".#");
        rabbit.silence();
        try {
            long started = System.nanoTime();
            List<CompletableFuture<Answer>> publishes = IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> publish("hung-" + i))).toList();
            // Publishing holds no thread: the server goes on answering while the publishes wait for the broker.
            assertThat(api.get("/observe/health/live").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            for (CompletableFuture<Answer> publish : publishes) {
                Answer refused = publish.join();
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.json().get("error").asText()).contains("RabbitMQ");
            }
            // Connection attempts to a hung broker queue up (3 s each here); no answer waits behind them all.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(CONFIRM_TIMEOUT_MS + 1500));
        } finally {
            rabbit.restore();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> publish("after-hang").status() == 202);
        assertThat(broker.drain(queue, 300)).extracting(m -> new String(m.getBody()))
                .noneMatch(body -> body.contains("\"hung-")).anyMatch(body -> body.contains("\"after-hang\""));
    }

    @Test
    void should_take_back_the_correlation_record_of_an_event_the_broker_did_not_confirm() {
        rabbit.cut();
        try {
            String parent = UUID.randomUUID().toString();
            Answer refused = api.post("/events", "{\"event_type\":\"%s.outage.child\",\"payload\":{},\"correlation_ids\":[\"%s\"]}"
                    .formatted(ns, parent));
            assertThat(refused.status()).isEqualTo(503);
            await().atMost(Duration.ofSeconds(3)).until(() -> redis.redis().smembers("bloodbank:correlation:reverse:" + parent).isEmpty());
            assertThat(redis.redis().keys("bloodbank:correlation:reverse:" + parent)).isEmpty();
        } finally {
            rabbit.restore();
        }
    }

    @Test
    void should_answer_503_and_publish_nothing_while_redis_is_away() {
        String queue = broker.queueBoundTo(ns + ".#");
        redisLink.cut();
        try {
            long started = System.nanoTime();
            Answer refused = publish("no-redis");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("error").asText()).contains("Redis");
            assertThat(broker.drain(queue, 500)).isEmpty();
            assertThat(api.get("/observe/health").status()).isEqualTo(503);
        } finally {
            redisLink.restore();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> publish("redis-back").status() == 202);
        assertThat(broker.drain(queue, 300)).extracting(m -> new String(m.getBody())).anyMatch(b -> b.contains("redis-back"));
    }
}

package net.delonet.bloodbank.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.testing.RunningBloodbank;
import net.delonet.bloodbank.testing.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded backends after a crash: a {@code kill -9} leaves the Redis child running (no shutdown hook runs), and
 * the next start must come up clean rather than hang or take that orphan for a real Redis. A SIGTERM stops quietly.
 * Real processes, each on free ports of its own.
 */
class EmbeddedCrashTest {

    @TempDir Path dir;

    private final int amqpPort = RunningBloodbank.freePort();
    private final int redisPort = RunningBloodbank.freePort();
    private final List<ServiceProcess> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (ServiceProcess bloodbank : started) {
            bloodbank.process().descendants().forEach(ProcessHandle::destroyForcibly);
            bloodbank.close();
        }
    }

    private ServiceProcess start(String store, String log) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("BLOODBANK_BROKER", "embedded", "EMBEDDED_AMQP_PORT", Integer.toString(amqpPort),
                "BLOODBANK_STORE", store, "BLOODBANK_HOME", dir.resolve("home").toString(),
                "BLOODBANK_ROUTES", "file:" + Path.of("routes").toAbsolutePath() + "/*.camel.yaml"));
        // auto mode takes the configured port for its embedded Redis; forced embedded uses its own
        env.put(store.equals("auto") ? "REDIS_PORT" : "EMBEDDED_REDIS_PORT", Integer.toString(redisPort));
        ServiceProcess bloodbank = ServiceProcess.start(dir, dir.resolve(log), env);
        started.add(bloodbank);
        return bloodbank.awaitHealthy(Duration.ofSeconds(300));
    }

    private static List<ProcessHandle> redisChildren(ServiceProcess bloodbank) {
        return bloodbank.process().descendants()
                .filter(p -> p.info().command().filter(c -> c.contains("redis-server")).isPresent()).toList();
    }

    @Test
    void should_come_up_clean_after_a_kill_9_and_stop_quietly_on_sigterm() throws Exception {
        ServiceProcess crashed = start("embedded", "first.log");
        List<ProcessHandle> orphans = redisChildren(crashed);
        assertThat(orphans).hasSize(1);
        crashed.kill();

        ServiceProcess again = start("embedded", "second.log");

        assertThat(orphans.get(0).isAlive()).as("the server the crash left behind was stopped").isFalse();
        assertThat(again.log()).contains("left behind");
        assertThat(redisChildren(again)).hasSize(1);
        assertThat(redisChildren(again).get(0).info().command().orElseThrow()).as("the binary lives in BLOODBANK_HOME, not /tmp")
                .startsWith(dir.resolve("home").toString());
        assertThat(again.status("/events/types")).isEqualTo(200);

        List<ProcessHandle> children = redisChildren(again);
        assertThat(again.terminate(Duration.ofSeconds(60))).as("stops on SIGTERM").isNotEqualTo(-1);
        assertThat(again.log().lines().filter(line -> line.contains(" ERROR ") || line.contains("Stopping an embedded backend failed")))
                .as("a normal stop logs no errors").isEmpty();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(dir.resolve("home/redis/redis.pid")).doesNotExist();
    }

    @Test
    void should_not_take_a_left_over_embedded_redis_for_a_real_one_in_auto_mode() throws Exception {
        ServiceProcess crashed = start("auto", "first.log");
        assertThat(crashed.log()).contains("store = embedded Redis on 127.0.0.1:" + redisPort);
        List<ProcessHandle> orphans = redisChildren(crashed);
        crashed.kill();

        ServiceProcess again = start("auto", "second.log");

        assertThat(again.log()).contains("store = embedded Redis on 127.0.0.1:" + redisPort).doesNotContain("store = Redis at");
        assertThat(orphans).noneMatch(ProcessHandle::isAlive);
        assertThat(redisChildren(again)).hasSize(1);
    }
}

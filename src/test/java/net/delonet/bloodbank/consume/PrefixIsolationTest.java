package net.delonet.bloodbank.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.delonet.bloodbank.testing.Consumers;
import net.delonet.bloodbank.testing.RecordingHandler;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/**
 * Two deployments on one broker and one Redis, each with its own QUEUE_PREFIX (RunningBloodbank gives each a random
 * one) and a consumer of the same name: each handles every event once, neither takes the other's work.
 */
class PrefixIsolationTest {

    @Test
    void should_let_each_deployment_handle_every_event_once() throws Exception {
        String ns = "p" + UUID.randomUUID().toString().substring(0, 8);
        String name = ns + "-reader";
        RecordingHandler first = new RecordingHandler();
        RecordingHandler second = new RecordingHandler();
        try (RunningBloodbank one = RunningBloodbank.start(); RunningBloodbank two = RunningBloodbank.start()) {
            Consumers.add(one, name, ns + ".#", first);
            Consumers.add(two, name, ns + ".#", second);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add((i % 2 == 0 ? one : two).http().post("/events",
                        "{\"event_type\":\"" + ns + ".item.made\",\"payload\":{\"n\":" + i + "}}").json().get("event_id").asText());
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> first.calls().size() >= 5 && second.calls().size() >= 5);
            Thread.sleep(1000);
            for (String id : ids) {
                assertThat(first.calls(id)).as("deployment one, event " + id).hasSize(1);
                assertThat(second.calls(id)).as("deployment two, event " + id).hasSize(1);
            }
            assertThat(one.topology().queue(name)).isNotEqualTo(two.topology().queue(name));
        }
    }
}

package net.delonet.bloodbank.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/** {@code bb tail} over {@code GET /events/stream}: live events, one line each, from a queue that goes away with it. */
@BloodbankTest
class TailCommandTest {

    private final String ns = "t" + UUID.randomUUID().toString().substring(0, 8);
    private RunningBloodbank bloodbank;

    @Test
    void should_print_an_event_published_after_it_started_and_delete_its_queue_when_it_stops() throws Exception {
        Process tail = BbProcess.start(bloodbank, "tail", ns + ".#");
        List<String> out = lines(tail.getInputStream());
        List<String> err = lines(tail.getErrorStream());
        String queue;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> err.stream().anyMatch(l -> l.startsWith("bb: listening for " + ns + ".#")));
            String parent = UUID.randomUUID().toString();
            String id = bloodbank.http().post("/events", """
                    {"event_type":"%s.tail.seen","payload":{"n":42},"correlation_ids":["%s"]}""".formatted(ns, parent))
                    .json().get("event_id").asText();
            bloodbank.http().post("/events", "{\"event_type\":\"other%s.tail.unseen\",\"payload\":{}}".formatted(ns));

            await().atMost(Duration.ofSeconds(10)).until(() -> out.stream().anyMatch(l -> l.contains(id)));
            assertThat(out).singleElement().asString().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  " + ns + "\\.tail\\.seen  " + id
                    + "  <- " + parent + "  \\{\"n\":42\\}");
            queue = queueOf(err);
            assertThat(queueExists(queue)).as("queue %s while tail runs", queue).isTrue();
        } finally {
            tail.destroy();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !queueExists(queue));
    }

    @Test
    void should_print_envelopes_as_json_lines_with_json() throws Exception {
        Process tail = BbProcess.start(bloodbank, "tail", ns + ".json.*", "--json");
        List<String> out = lines(tail.getInputStream());
        List<String> err = lines(tail.getErrorStream());
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> err.stream().anyMatch(l -> l.startsWith("bb: listening")));
            String id = bloodbank.http().post("/events", "{\"event_type\":\"%s.json.seen\",\"payload\":{}}".formatted(ns))
                    .json().get("event_id").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> !out.isEmpty());
            assertThat(out.get(0)).startsWith("{\"event_id\":\"" + id + "\",\"event_type\":\"" + ns + ".json.seen\"");
        } finally {
            tail.destroy();
        }
    }

    /** The guide's "fireflies.* → all Fireflies events" misses fireflies.transcript.ready: said once, on stderr. */
    @Test
    void should_warn_once_when_a_star_pattern_can_never_match_a_registered_type() throws Exception {
        Process tail = BbProcess.start(bloodbank, "tail", "fireflies.*");
        List<String> err = lines(tail.getErrorStream());
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> err.stream().anyMatch(l -> l.startsWith("bb: listening")));
            assertThat(err).filteredOn(l -> l.startsWith("bb: warning:")).singleElement().asString()
                    .contains("'fireflies.*' matches no registered event type").contains("'fireflies.#'");
        } finally {
            tail.destroy();
        }
    }

    @Test
    void should_exit_2_for_a_pattern_the_broker_would_not_take() {
        BbProcess.Result refused = BbProcess.run(bloodbank, null, "tail", "a..b");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).contains("pattern");
    }

    private static String queueOf(List<String> stderr) {
        Matcher queue = Pattern.compile("\\(queue ([^;]+);").matcher(stderr.get(0));
        assertThat(queue.find()).as(stderr.get(0)).isTrue();
        return queue.group(1);
    }

    /** Asked from another connection: an exclusive queue that exists answers 405 (locked), a deleted one 404. */
    private static boolean queueExists(String queue) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672");
        try (Connection connection = factory.newConnection()) {
            Channel channel = connection.createChannel();
            channel.queueDeclarePassive(queue);
            return true;
        } catch (java.io.IOException e) {
            ShutdownSignalException closed = (ShutdownSignalException) e.getCause();
            return ((AMQP.Channel.Close) closed.getReason()).getReplyCode() != 404;
        }
    }

    private static List<String> lines(java.io.InputStream stream) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)).lines().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}

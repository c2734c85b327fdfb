package net.delonet.bloodbank.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.GetResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.Consumers;
import net.delonet.bloodbank.testing.RecordingHandler;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of one deployment (one queue prefix, their own replica ids and indexes) on one broker and Redis:
 * a shared consumer handles each event once across both, each replica's index holds every transcript, and the
 * processed event is published once per transcript.
 */
class ReplicasTest {

    private static final int TRANSCRIPTS = 4;

    @Test
    void should_handle_each_event_once_across_replicas_and_find_every_transcript_on_either() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "bbtest-" + run + ".";
        // An exchange of the test's own: other applications on the shared broker ingest ready transcripts on amq.topic too.
        String exchange = "bbtest-" + run;
        String ns = "r" + run;
        RecordingHandler first = new RecordingHandler();
        RecordingHandler second = new RecordingHandler();
        RunningBloodbank one = RunningBloodbank.start(Map.of("bloodbank.queue-prefix", prefix, "bloodbank.exchange", exchange,
                "bloodbank.replica-id", "one"));
        RunningBloodbank two = RunningBloodbank.start(Map.of("bloodbank.queue-prefix", prefix, "bloodbank.exchange", exchange,
                "bloodbank.replica-id", "two"));
        try (BrokerProbe broker = new BrokerProbe()) {
            try {
                String processed = broker.queueBoundOn(exchange, "fireflies.transcript.processed");
                Consumers.add(one, ns + "-shared", ns + ".#", first);
                Consumers.add(two, ns + "-shared", ns + ".#", second);
                List<String> transcripts = new ArrayList<>();
                List<String> events = new ArrayList<>();
                for (int i = 0; i < TRANSCRIPTS; i++) {
                    RunningBloodbank via = i % 2 == 0 ? one : two;
                    String id = ns + "-meeting-" + i;
                    transcripts.add(id);
                    String ready = EnvelopeJson.mapper().valueToTree(Meetings.weeklySync(id)).toString();
                    assertThat(via.http().post("/events", "{\"event_type\":\"fireflies.transcript.ready\",\"payload\":" + ready + "}")
                            .status()).isEqualTo(202);
                    events.add(via.http().post("/events", "{\"event_type\":\"" + ns + ".item.made\",\"payload\":{\"n\":" + i + "}}")
                            .json().get("event_id").asText());
                }

                await().atMost(Duration.ofSeconds(30)).until(() -> first.calls().size() + second.calls().size() >= TRANSCRIPTS);
                for (RunningBloodbank replica : List.of(one, two)) {
                    for (String transcript : transcripts) {
                        await().atMost(Duration.ofSeconds(120)).until(() -> found(replica, transcript));
                    }
                }
                Thread.sleep(2000);
                for (String event : events) {
                    assertThat(first.calls(event).size() + second.calls(event).size()).as("handled " + event).isEqualTo(1);
                }
                Map<String, Integer> published = new HashMap<>();
                for (GetResponse message : broker.drain(processed, 2000)) {
                    JsonNode event = EnvelopeJson.mapper().readTree(message.getBody());
                    String transcript = event.at("/payload/transcript_id").asText();
                    if (transcripts.contains(transcript)) {
                        published.merge(transcript, 1, Integer::sum);
                    }
                }
                assertThat(published).hasSize(TRANSCRIPTS).allSatisfy((transcript, count) -> assertThat(count).isEqualTo(1));
            } finally {
                // Stopped first: a running consumer would declare its queue again.
                Topology ofOne = one.topology();
                Topology ofTwo = two.topology();
                one.close();
                two.close();
                deleteQueues(broker, ofOne);
                deleteQueues(broker, ofTwo);
                broker.deleteExchange(exchange);
            }
        }
    }

    private static boolean found(RunningBloodbank replica, String transcript) {
        String q = URLEncoder.encode("How much money is left in the budget?", StandardCharsets.UTF_8);
        try {
            return replica.http().get("/rag/search?q=" + q + "&k=3&transcript_id=" + transcript).json().get("count").asInt() > 0;
        } catch (IllegalStateException e) {
            // the first search loads the embedding model: on a busy machine longer than one request waits
            return false;
        }
    }

    private static void deleteQueues(BrokerProbe broker, Topology topology) {
        broker.delete(topology.archive());
        topology.consumers().keySet().forEach(name ->
                broker.delete(topology.queue(name), topology.deadLetters(name), topology.parked(name)));
    }
}

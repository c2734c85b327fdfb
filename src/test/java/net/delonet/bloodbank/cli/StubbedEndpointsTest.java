package net.delonet.bloodbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bb dlq}, {@code bb replay}, {@code bb search} against a stand-in for endpoints other modules build
 * (dead letters and replay: reliable consumers; search: RAG). What is tested here is the CLI's side of the
 * documented contract: the request it sends, how it shows the answer, its exit codes.
 */
class StubbedEndpointsTest {

    @Test
    void should_list_dead_letter_queues_with_their_depth() throws Exception {
        try (StubService dlq = new StubService(200, "{\"queues\":[{\"name\":\"artifact-logger\",\"depth\":3},{\"name\":\"rag-ingester\",\"depth\":0}]}")) {
            BbProcess.Result ls = BbProcess.run(Map.of("BLOODBANK_URL", dlq.url()), null, "dlq", "ls");

            assertThat(ls.exitCode()).isZero();
            assertThat(ls.stdout().lines()).containsExactly("artifact-logger  3", "rag-ingester  0");
            assertThat(dlq.seen).extracting(StubService.Seen::uri).containsExactly("/dlq");
        }
    }

    @Test
    void should_show_dead_letters_paged_and_redrive_chosen_ones() throws Exception {
        try (StubService dlq = new StubService(200, "{\"messages\":[{\"event_id\":\"e1\",\"event_type\":\"artifact.created\","
                + "\"attempts\":4,\"error\":\"boom\"}],\"redriven\":1}")) {
            Map<String, String> env = Map.of("BLOODBANK_URL", dlq.url());
            assertThat(BbProcess.run(env, null, "dlq", "show", "artifact-logger", "--limit", "10").stdout())
                    .isEqualTo("e1  artifact.created  attempts=4  boom\n");
            assertThat(BbProcess.run(env, null, "dlq", "redrive", "artifact-logger", "--event-id", "e1").stdout())
                    .isEqualTo("redriven: 1\n");

            assertThat(dlq.seen).extracting(StubService.Seen::uri)
                    .containsExactly("/dlq/artifact-logger?limit=10&offset=0", "/dlq/artifact-logger/redrive");
            assertThat(dlq.seen.get(1).body()).isEqualTo("{\"event_ids\":[\"e1\"]}");
        }
    }

    @Test
    void should_replay_a_window_to_a_consumer() throws Exception {
        try (StubService replay = new StubService(200, "{\"replayed\":12}")) {
            BbProcess.Result run = BbProcess.run(Map.of("BLOODBANK_URL", replay.url()), null, "replay", "--consumer", "rag-ingester",
                    "--pattern", "fireflies.#", "--since", "2025-10-18T00:00:00Z");

            assertThat(run.stdout()).isEqualTo("replayed: 12 to rag-ingester\n");
            assertThat(replay.seen.get(0).body())
                    .isEqualTo("{\"pattern\":\"fireflies.#\",\"since\":\"2025-10-18T00:00:00Z\",\"consumer\":\"rag-ingester\"}");
        }
    }

    @Test
    void should_search_transcripts_and_exit_2_when_the_question_is_refused() throws Exception {
        try (StubService rag = new StubService(200, "{\"results\":[{\"score\":0.82,\"title\":\"Standup\",\"speaker\":\"Ada\","
                + "\"start_time\":12.5,\"end_time\":30.0,\"text\":\"The budget is 10k\"}]}")) {
            BbProcess.Result found = BbProcess.run(Map.of("BLOODBANK_URL", rag.url()), null, "search", "the", "budget", "-k", "3");

            assertThat(found.stdout()).isEqualTo("0.82  Standup  Ada  12.5–30.0\n    The budget is 10k\n");
            assertThat(rag.seen.get(0).uri()).isEqualTo("/rag/search?q=the+budget&k=3");
        }
        try (StubService rag = new StubService(400, "{\"error\":\"q is required\",\"field\":\"q\",\"status\":400}")) {
            BbProcess.Result refused = BbProcess.run(Map.of("BLOODBANK_URL", rag.url()), null, "search", " ");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.stderr()).isEqualTo("bb: q is required (HTTP 400)\n");
        }
    }

    @Test
    void should_show_artifact_hits_with_their_id_title_and_kind() throws Exception {
        // the shape GET /rag/search answers: transcript hits with speakers and times, artifact hits with artifact_id
        try (StubService rag = new StubService(200, "{\"query\":\"budget\",\"count\":2,\"hits\":["
                + "{\"kind\":\"artifact\",\"artifact_id\":\"notes-7\",\"title\":\"Budget notes\",\"speakers\":[],"
                + "\"start_time\":null,\"end_time\":null,\"text\":\"Budget: 10k\",\"score\":0.0327},"
                + "{\"kind\":\"transcript\",\"transcript_id\":\"tr-1\",\"title\":\"Weekly sync\",\"speakers\":[\"Alice\",\"Bob\"],"
                + "\"start_time\":0.0,\"end_time\":53.5,\"text\":\"Alice: the budget\",\"score\":0.031}]}")) {
            BbProcess.Result found = BbProcess.run(Map.of("BLOODBANK_URL", rag.url()), null, "search", "budget");

            assertThat(found.stdout().lines()).containsExactly(
                    "0.0327  artifact notes-7  Budget notes",
                    "    Budget: 10k",
                    "0.031  Weekly sync  Alice, Bob  0.0–53.5",
                    "    Alice: the budget");
        }
    }
}

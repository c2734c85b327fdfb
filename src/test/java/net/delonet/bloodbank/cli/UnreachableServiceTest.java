package net.delonet.bloodbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/** Exit code 3 when the service cannot serve, told apart from bad input (2); the token goes along as a bearer. */
class UnreachableServiceTest {

    @Test
    void should_exit_3_when_nothing_listens_at_the_url() {
        BbProcess.Result down = BbProcess.run(Map.of("BLOODBANK_URL", "http://127.0.0.1:" + RunningBloodbank.freePort()),
                null, "publish", "llm.prompt", "--payload", "{}");

        assertThat(down.exitCode()).isEqualTo(3);
        assertThat(down.stderr()).contains("unreachable");
    }

    @Test
    void should_exit_3_when_the_service_answers_503() throws Exception {
        try (StubService unavailable = new StubService(503, "{\"error\":\"RabbitMQ is unavailable\",\"status\":503}")) {
            BbProcess.Result answer = BbProcess.run(Map.of("BLOODBANK_URL", unavailable.url()), null, "types");

            assertThat(answer.exitCode()).isEqualTo(3);
            assertThat(answer.stderr()).contains("RabbitMQ is unavailable");
        }
    }

    @Test
    void should_send_the_token_as_a_bearer() throws Exception {
        try (StubService service = new StubService(200, "{\"event_types\":[],\"count\":0}")) {
            BbProcess.run(Map.of("BLOODBANK_URL", service.url(), "BLOODBANK_TOKEN", "s3cret"), null, "types");

            assertThat(service.seen).extracting(StubService.Seen::authorization).containsExactly("Bearer s3cret");
        }
    }

    @Test
    void should_show_help_for_every_command() {
        for (String command : new String[] {"publish", "wrap", "chain", "tail", "types", "dlq", "replay", "search", "serve", "mcp"}) {
            BbProcess.Result help = BbProcess.run(Map.of(), null, command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.stdout()).as(command).startsWith("Usage: bb " + command);
        }
    }
}

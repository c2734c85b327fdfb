package net.delonet.bloodbank.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.RawHttp;
import net.delonet.bloodbank.testing.RawHttp.Reply;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nothing from a request becomes a response header; a bad query parameter is a 400 naming it, never a plain 500. */
@BloodbankTest("bloodbank.watch.enabled=false")
class QueryParametersTest {

    private RunningBloodbank bloodbank;
    private RawHttp http;
    private String eventId;

    @BeforeAll
    void publishOne() {
        eventId = bloodbank.http().post("/events", "{\"event_type\":\"query.params.test\",\"payload\":{}}").json().get("event_id").asText();
    }

    private void assertRefusedNaming(String target, String parameter) {
        Reply reply = http.send("GET", target, null);
        assertThat(reply.status()).as(target + " → " + reply.body()).isEqualTo(400);
        assertThat(reply.headers().get("content-type")).startsWith("application/json");
        assertThat(reply.json().get("field").asText()).isEqualTo(parameter);
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
    }

    @Test
    void should_not_echo_query_parameters_or_request_headers_as_response_headers() {
        for (String path : new String[] {"/debug/correlation/" + eventId + "/chain?direction=ancestors&zzecho=hello",
                "/debug/correlation/" + eventId + "?zzecho=hello", "/events/types?zzecho=hello", "/events/recent?zzecho=hello",
                "/dlq?zzecho=hello"}) {
            Reply reply = http.send("GET", path, null, "X-Zz-Request: hello");
            assertThat(reply.status()).as(path + " → " + reply.body()).isEqualTo(200);
            assertThat(reply.headers()).as(path).doesNotContainKeys("zzecho", "x-zz-request", "direction", "event_id");
        }
    }

    @Test
    void should_answer_400_naming_a_parameter_with_a_control_character() {
        assertRefusedNaming("/debug/correlation/" + eventId + "/chain?direction=ancestors%00", "direction");
        assertRefusedNaming("/rag/search?q=%00", "q");
        assertRefusedNaming("/rag/search?q=budget&transcript_id=%00", "transcript_id");
        assertRefusedNaming("/events/recent?pattern=%00", "pattern");
        assertRefusedNaming("/events/types?zzecho=a%0d%0aSet-Cookie:%20x", "zzecho");
        // a control character in the name: the answer names it as it was sent, never as a blank or a raw newline
        assertRefusedNaming("/dlq?%0A=%0d%0aSet-Cookie:%20x", "%0A");
    }

    @Test
    void should_answer_400_naming_a_parameter_that_is_not_a_number() {
        assertRefusedNaming("/events/recent?limit=x", "limit");
        assertRefusedNaming("/events/recent?limit=99999999999999", "limit");
    }
}

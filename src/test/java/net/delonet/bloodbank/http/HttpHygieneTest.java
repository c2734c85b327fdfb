package net.delonet.bloodbank.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.RawHttp;
import net.delonet.bloodbank.testing.RawHttp.Reply;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The HTTP server's manners: half-closes answered, idle and slow connections closed, a cap, framing errors as 400s. */
@BloodbankTest({"bloodbank.watch.enabled=false", "bloodbank.http.idle-timeout-seconds=4", "bloodbank.http.body-timeout-ms=2000",
        "bloodbank.http.max-connections=" + HttpHygieneTest.MAX_CONNECTIONS})
class HttpHygieneTest {

    static final int MAX_CONNECTIONS = 6;
    private RunningBloodbank bloodbank;
    private RawHttp http;

    private Socket connect() throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", bloodbank.port()), 5000);
        socket.setSoTimeout(15_000);
        return socket;
    }

    private static byte[] post(String body, String... extra) {
        return ("POST /events HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n" + String.join("", extra)
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_answer_a_request_followed_by_a_half_close() {
        Reply reply = http.exchange(post("{\"event_type\":\"hygiene.half.close\",\"payload\":{}}"), true);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    }

    @Test
    void should_close_an_idle_connection() throws Exception {
        try (Socket idle = connect()) {
            long start = System.nanoTime();
            assertThat(idle.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(12));
        }
    }

    @Test
    void should_answer_408_to_a_body_sent_too_slowly() throws Exception {
        try (Socket slow = connect()) {
            slow.getOutputStream().write(("POST /events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"ev").getBytes(StandardCharsets.UTF_8));
            // Trickle a byte a second: never idle, never done.
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        Thread.sleep(1000);
                        slow.getOutputStream().write(' ');
                    }
                } catch (Exception e) {
                    // closed by the server: what we wait for
                }
            });
            trickle.start();
            Reply reply = RawHttp.read(slow.getInputStream());
            assertThat(reply.status()).as(reply.body()).isEqualTo(408);
            assertThat(reply.json().get("status").asInt()).isEqualTo(408);
            trickle.interrupt();
        }
    }

    @Test
    void should_close_connections_over_the_cap_and_serve_again_once_they_are_gone() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                held.add(connect());
            }
            // Accepted connections are registered on several event loops: let all of them count first.
            Thread.sleep(1000);
            try (Socket over = connect()) {
                over.getOutputStream().write(post("{\"event_type\":\"hygiene.cap\",\"payload\":{}}"));
                InputStream in = over.getInputStream();
                assertThat(RawHttp.read(in).status()).isZero();
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(http.exchange(post("{\"event_type\":\"hygiene.cap\",\"payload\":{}}"), false).status()).isEqualTo(202));
    }

    @Test
    void should_refuse_a_compressed_body_with_415() {
        Reply reply = http.exchange(post("{\"event_type\":\"hygiene.gzip\",\"payload\":{}}", "Content-Encoding: gzip\r\n"), false);
        assertThat(reply.status()).as(reply.body()).isEqualTo(415);
        assertThat(reply.json().get("field").asText()).isEqualTo("Content-Encoding");
    }

    @Test
    void should_answer_400_to_a_bad_chunk_size() {
        Reply reply = http.exchange(("POST /events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8), false);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
    }

    @Test
    @DisabledIfSystemProperty(named = "bloodbank.test.backends", matches = "embedded",
            disabledReason = "the child process would need the fixed-port embedded backends this JVM's service holds")
    void should_exit_non_zero_with_one_clear_line_when_the_http_port_is_taken() throws Exception {
        String prefix = "bbtest-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".";
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            ProcessBuilder child = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "net.delonet.bloodbank.Bloodbank")
                    .redirectErrorStream(true);
            child.environment().putAll(Map.of("HTTP_PORT", Integer.toString(taken.getLocalPort()), "QUEUE_PREFIX", prefix,
                    "BLOODBANK_REPLICA_ID", "r1", "WATCH_ENABLED", "false", "ARCHIVE_ENABLED", "false", "RAG_INDEX_DIR",
                    java.nio.file.Files.createTempDirectory("rag-port-taken").toString()));
            Process process = child.start();
            java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try {
                    process.getInputStream().transferTo(output);
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });
            reader.start();
            boolean ended = process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            reader.join(5000);
            String log = output.toString(StandardCharsets.UTF_8);
            assertThat(ended).as(log).isTrue();
            assertThat(process.exitValue()).as(log).isNotZero();
            assertThat(log.lines().filter(l -> l.contains("port " + taken.getLocalPort() + " is already in use"))).as(log).hasSize(1);
        } finally {
            try (net.delonet.bloodbank.testing.BrokerProbe broker = new net.delonet.bloodbank.testing.BrokerProbe()) {
                for (String consumer : new String[] {"artifact-logger", "rag-ingester-r1", "rag-artifacts-r1", "fireflies-transcripts"}) {
                    broker.delete(prefix + consumer, prefix + consumer + ".dlq", prefix + consumer + ".parked");
                }
            }
        }
    }
}

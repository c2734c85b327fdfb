package net.delonet.bloodbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A service that accepts connections but never answers: {@code bb} gives up after its timeout with exit 3. */
class SilentServiceTest {

    private ServerSocket silent;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept());
                }
            } catch (IOException closed) {
                // test over
            }
        });
        accept.setDaemon(true);
        accept.start();
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    private Map<String, String> env(String... more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("BLOODBANK_URL", "http://127.0.0.1:" + silent.getLocalPort()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void should_give_up_after_the_default_timeout_with_exit_3() {
        long start = System.nanoTime();
        BbProcess.Result result = BbProcess.run(env(), null, "types");
        long seconds = (System.nanoTime() - start) / 1_000_000_000;

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("did not answer within 10 s").contains("--timeout").contains("BLOODBANK_TIMEOUT");
        assertThat(seconds).as("well under the 30 s it used to wait").isLessThan(25);
    }

    @Test
    void should_take_the_timeout_from_the_option_or_the_environment() {
        BbProcess.Result option = BbProcess.run(env(), null, "publish", "llm.prompt", "--payload", "{}", "--timeout", "1.5");
        assertThat(option.exitCode()).isEqualTo(3);
        assertThat(option.stderr()).contains("did not answer within 1.5 s");

        BbProcess.Result before = BbProcess.run(env(), null, "--timeout", "1", "types");
        assertThat(before.exitCode()).isEqualTo(3);
        assertThat(before.stderr()).contains("did not answer within 1 s");

        BbProcess.Result environment = BbProcess.run(env("BLOODBANK_TIMEOUT", "2"), null, "chain", "00000000-0000-4000-8000-000000000000");
        assertThat(environment.exitCode()).isEqualTo(3);
        assertThat(environment.stderr()).contains("did not answer within 2 s");
    }

    @Test
    void should_refuse_a_timeout_that_is_not_a_positive_number() {
        BbProcess.Result env = BbProcess.run(env("BLOODBANK_TIMEOUT", "soon"), null, "types");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.stderr()).contains("BLOODBANK_TIMEOUT").contains("seconds");

        BbProcess.Result option = BbProcess.run(env(), null, "types", "--timeout", "0");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.stderr()).contains("--timeout");
    }
}

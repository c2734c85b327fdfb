package net.delonet.bloodbank.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.delonet.bloodbank.cli.BbProcess;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.RunningBloodbank;
import net.delonet.bloodbank.testing.TcpProxy;
import org.junit.jupiter.api.Test;

/** The event stream when RabbitMQ goes away (through a relay the test cuts) and comes back. */
@BloodbankTest
class LiveOutageTest {

    private final TcpProxy rabbit = TcpProxy.toRabbit();
    private final String ns = "o" + UUID.randomUUID().toString().substring(0, 8);
    private RunningBloodbank bloodbank;

    @Test
    void should_end_tail_with_exit_3_when_the_broker_goes_and_refuse_new_listeners_until_it_is_back() throws Exception {
        Process tail = BbProcess.start(bloodbank, "tail", ns + ".#");
        String first = new BufferedReader(new InputStreamReader(tail.getErrorStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(first).startsWith("bb: listening for " + ns + ".#");

        rabbit.cut();
        assertThat(tail.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(tail.exitValue()).isEqualTo(3);
        BbProcess.Result refused = BbProcess.run(bloodbank, null, "tail", ns + ".#");
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.stderr()).contains("RabbitMQ is unavailable");

        rabbit.restore();
        Process again = BbProcess.start(bloodbank, "tail", ns + ".#");
        try {
            String listening = new BufferedReader(new InputStreamReader(again.getErrorStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(listening).startsWith("bb: listening for " + ns + ".#");
        } finally {
            again.destroy();
        }
    }
}

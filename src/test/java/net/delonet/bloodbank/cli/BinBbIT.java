package net.delonet.bloodbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/** bin/bb over the packaged jar (target/bloodbank.jar + target/lib), as a user runs it after {@code mvn package}. */
class BinBbIT {

    @Test
    void should_start_from_the_packaged_jar_and_publish() throws Exception {
        Run help = run(List.of("bin/bb", "--help"), null);
        assertThat(help.exit).isZero();
        assertThat(help.out).contains("publish", "wrap", "chain", "tail", "types", "dlq", "replay", "serve", "mcp");

        try (RunningBloodbank bloodbank = RunningBloodbank.start()) {
            Run published = run(List.of("bin/bb", "publish", "t" + UUID.randomUUID().toString().substring(0, 8) + ".launcher.ok"),
                    "http://127.0.0.1:" + bloodbank.port());
            assertThat(published.exit).isZero();
            assertThat(UUID.fromString(published.out.trim())).isNotNull();
        }
    }

    private record Run(int exit, String out) {
    }

    private static Run run(List<String> command, String url) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (url != null) {
            builder.environment().put("BLOODBANK_URL", url);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out);
    }
}

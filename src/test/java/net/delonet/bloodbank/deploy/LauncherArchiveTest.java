package net.delonet.bloodbank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/bloodbank and its class-data archive: the JVM silently drops an archive older than a jar it was made from (and
 * the JDK's own shared classes with it), so the launcher passes only a current one and says when it skips one.
 * The JVM runs with {@code -version}: it shows the options it was given and exits, no service is started.
 */
class LauncherArchiveTest {

    private static final Instant BUILT = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir Path home;

    @Test
    void should_start_with_the_archive_when_it_is_newer_than_every_jar() throws Exception {
        layout(BUILT.plusSeconds(60));

        Run run = launch();

        assertThat(run.output).contains("-XX:SharedArchiveFile=" + home.resolve("target/bloodbank.jsa"));
        assertThat(run.output).doesNotContain("is older than");
    }

    @Test
    void should_start_without_a_stale_archive_and_say_so() throws Exception {
        layout(BUILT.minusSeconds(60));

        Run run = launch();

        assertThat(run.output).doesNotContain("SharedArchiveFile");
        assertThat(run.output).contains("bloodbank.jsa is older than " + home.resolve("target/lib/dependency.jar"),
                "mvn -q -B package -DskipTests");
    }

    /** The packaged layout: the launcher, target/bloodbank.jar, target/lib/ and the archive made at {@code archived}. */
    private void layout(Instant archived) throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of("bin/bloodbank"), home.resolve("bin/bloodbank"));
        Files.createDirectories(home.resolve("target/lib"));
        jar(home.resolve("target/bloodbank.jar"), BUILT.minusSeconds(120));
        jar(home.resolve("target/lib/dependency.jar"), BUILT);
        Files.write(home.resolve("target/bloodbank.jsa"), new byte[0]);
        Files.setLastModifiedTime(home.resolve("target/bloodbank.jsa"), FileTime.from(archived));
    }

    private static void jar(Path path, Instant modified) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "net.delonet.bloodbank.Bloodbank");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(path), manifest)) {
            out.flush();
        }
        Files.setLastModifiedTime(path, FileTime.from(modified));
    }

    private record Run(int exit, String output) {
    }

    private Run launch() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/bloodbank").toString()).redirectErrorStream(true);
        builder.environment().put("JAVA_OPTS", "-XX:+PrintCommandLineFlags -version");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return new Run(process.exitValue(), output);
    }
}

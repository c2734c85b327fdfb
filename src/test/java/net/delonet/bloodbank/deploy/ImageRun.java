package net.delonet.bloodbank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.RunningBloodbank;

/**
 * One container of the image ({@link RuntimeImage}), started and restarted on its volumes, in a memory cgroup limited
 * to what the Kubernetes manifest gives the container when this machine lets the test make one (cgroup v1 here).
 */
final class ImageRun implements AutoCloseable {

    private static final Path MEMORY_CGROUPS = Path.of("/sys/fs/cgroup/memory");

    private final Path dir;
    private final RuntimeImage image;
    private final Map<String, String> env = new HashMap<>();
    private final Path cgroup;
    private final long limitBytes;
    private Process process;

    ImageRun(Path recordings, Map<String, String> extraEnv) throws IOException {
        dir = Files.createTempDirectory(Path.of("target"), "image-");
        image = RuntimeImage.build(dir);
        image.mountReadOnly(recordings, image.env().get("WATCH_PATH"));
        env.putAll(extraEnv);
        env.put("HTTP_PORT", String.valueOf(RunningBloodbank.freePort()));
        Container app = DeployFiles.find(StatefulSet.class, "bloodbank").getSpec().getTemplate().getSpec().getContainers().get(0);
        limitBytes = app.getResources().getLimits().get("memory").getNumericalAmount().longValue();
        cgroup = memoryCgroup(limitBytes);
    }

    /** Root can lay the image out; anyone else cannot. */
    static boolean possible() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    RuntimeImage image() {
        return image;
    }

    HttpApi http() {
        return new HttpApi("http://127.0.0.1:" + env.get("HTTP_PORT"));
    }

    void start() throws Exception {
        process = image.start(env, dir.resolve("bloodbank.log"), cgroup);
        long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        while (true) {
            assertThat(process.isAlive()).as("the image's entrypoint exited:\n%s", log()).isTrue();
            assertThat(System.nanoTime()).as("not ready within 600 s:\n%s", log()).isLessThan(deadline);
            try {
                if (http().get("/observe/health/ready").status() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // connection refused until the HTTP server runs
            }
            Thread.sleep(250);
        }
    }

    void restart() throws Exception {
        stop();
        start();
    }

    void assertWithinMemoryLimit() throws IOException {
        assertThat(process.isAlive()).as("killed at the limit?\n%s", log()).isTrue();
        if (cgroup == null) {
            System.out.println("ImageLayoutIT: no memory cgroup could be made here; the limit was not applied");
            return;
        }
        long peak = Long.parseLong(Files.readString(cgroup.resolve("memory.max_usage_in_bytes")).strip());
        String stat = Files.readString(cgroup.resolve("memory.stat"));
        System.out.printf("ImageLayoutIT: limit %d MiB, peak usage (with page cache) %d MiB; %s%n", limitBytes >> 20,
                peak >> 20, stat.lines().filter(l -> l.matches("(rss|cache|mapped_file) .*")).toList());
        assertThat(Files.readString(cgroup.resolve("memory.oom_control"))).contains("oom_kill 0");
    }

    String log() {
        try {
            return Files.readString(dir.resolve("bloodbank.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The queues the run declared: their names start with its QUEUE_PREFIX (listed by rabbitmqctl, if at hand). */
    List<String> queuesNamed(String prefix) {
        try {
            Process list = new ProcessBuilder("rabbitmqctl", "-q", "list_queues", "name").redirectErrorStream(true).start();
            String names = new String(list.getInputStream().readAllBytes());
            return list.waitFor() == 0 ? names.lines().filter(name -> name.startsWith(prefix)).toList() : List.of();
        } catch (IOException | InterruptedException e) {
            return List.of();
        }
    }

    private void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        if (cgroup != null) {
            Files.delete(cgroup);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** A child of this process's memory cgroup limited to {@code bytes}, or null where none can be made. */
    private static Path memoryCgroup(long bytes) {
        try {
            String own = Files.readAllLines(Path.of("/proc/self/cgroup")).stream()
                    .filter(line -> line.matches("\\d+:memory:.*")).map(line -> line.split(":", 3)[2])
                    .findFirst().orElse(null);
            if (own == null) {
                return null;
            }
            Path cgroup = Files.createDirectory(MEMORY_CGROUPS.resolve(own.substring(1)).resolve("bloodbank-image-" + ProcessHandle.current().pid()));
            Files.writeString(cgroup.resolve("memory.limit_in_bytes"), Long.toString(bytes));
            return cgroup;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

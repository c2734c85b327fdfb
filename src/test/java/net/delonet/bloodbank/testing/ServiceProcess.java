package net.delonet.bloodbank.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bloodbank as its own JVM, the way {@code java -jar} runs it (this test run's class path): a working folder, an
 * environment, a log file; started, waited for, then stopped with SIGTERM or killed with SIGKILL like a crash.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts it in {@code workDir} on a free HTTP port, with the recordings watcher off and {@code env} added. */
    public static ServiceProcess start(Path workDir, Path log, Map<String, String> env) throws IOException {
        int port = RunningBloodbank.freePort();
        ProcessBuilder java = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "net.delonet.bloodbank.Bloodbank"))
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        java.environment().keySet().removeIf(name -> name.startsWith("BLOODBANK_") || name.startsWith("EMBEDDED_"));
        java.environment().put("HTTP_PORT", Integer.toString(port));
        java.environment().put("WATCH_ENABLED", "false");
        java.environment().put("RAG_INDEX_DIR", workDir.resolve("rag-index").toString());
        java.environment().putAll(env);
        return new ServiceProcess(java.start(), log, port);
    }

    /** Waits until {@code /observe/health} answers 200; fails with the log when it exits or takes too long. */
    public ServiceProcess awaitHealthy(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (status("/observe/health") != 200) {
            if (!process.isAlive()) {
                throw new AssertionError("Bloodbank exited with " + process.exitValue() + ":\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Bloodbank not healthy within " + within + ":\n" + log());
            }
            Thread.sleep(250);
        }
        return this;
    }

    public int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL, as a crash or the OOM killer does: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as systemd or Ctrl-C stops it; the exit code, or -1 when it did not stop within {@code within}. */
    public int terminate(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Waits for it to end on its own (a refused start); the exit code, or -1 when it still runs. */
    public int awaitExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && terminate(Duration.ofSeconds(30)) < 0) {
            kill();
        }
    }
}

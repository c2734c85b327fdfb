package net.delonet.bloodbank.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.delonet.bloodbank.testing.RunningBloodbank;

/** {@code bb} as a user runs it: its own JVM (this test run's classpath), environment, stdin, stdout, stderr, exit code. */
public final class BbProcess {

    /** A finished run. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private BbProcess() {
    }

    /** The command line that starts {@code bb} with {@code args}, the way bin/bb does. */
    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                "net.delonet.bloodbank.cli.Bb"));
        command.addAll(List.of(args));
        return command;
    }

    /** The environment that points {@code bb} at {@code bloodbank}. */
    public static Map<String, String> env(RunningBloodbank bloodbank) {
        return Map.of("BLOODBANK_URL", "http://127.0.0.1:" + bloodbank.port());
    }

    public static Process start(RunningBloodbank bloodbank, String... args) {
        return start(env(bloodbank), args);
    }

    public static Result run(RunningBloodbank bloodbank, String stdin, String... args) {
        return run(env(bloodbank), stdin, args);
    }

    public static Process start(Map<String, String> env, String... args) {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        builder.environment().remove("BLOODBANK_TOKEN");
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs to the end with {@code stdin} as standard input (closed after it; empty when null). */
    public static Result run(Map<String, String> env, String stdin, String... args) {
        Process process = start(env, args);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread o = copy(process.getInputStream(), out);
            Thread e = copy(process.getErrorStream(), err);
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("bb " + String.join(" ", args) + " did not finish in 60 s");
            }
            o.join();
            e.join();
            return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException ex) {
            process.destroyForcibly();
            throw new IllegalStateException(ex);
        }
    }

    private static Thread copy(InputStream from, ByteArrayOutputStream to) {
        Thread thread = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException ignored) {
                // process ended
            }
        });
        thread.start();
        return thread;
    }
}

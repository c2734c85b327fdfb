package net.delonet.bloodbank.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.GetResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.testing.BrokerProbe;

/** A watched folder as a user fills it, and the events about its files as a consumer sees them. */
final class WatchedFolder {

    final Path root;
    private final BrokerProbe broker;
    private final String queue;

    WatchedFolder(Path root, BrokerProbe broker) {
        this.root = root;
        this.broker = broker;
        this.queue = broker.queueBoundTo("fireflies.transcript.upload", "fireflies.transcript.failed");
    }

    Map<String, String> properties() {
        return Map.of("bloodbank.watch.path", root.toString(), "bloodbank.watch.quiet-ms", "700",
                "bloodbank.watch.poll-ms", "150", "bloodbank.watch.state-dir", root.resolveSibling(root.getFileName() + "-state").toString());
    }

    /** Writes {@code chunks} random chunks of 64 KiB, pausing {@code pauseMs} between them (shorter than the quiet period). */
    static void writeSlowly(Path file, int chunks, long pauseMs, long seed) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < chunks; i++) {
                byte[] chunk = new byte[64 * 1024];
                random.nextBytes(chunk);
                out.write(chunk);
                out.flush();
                Thread.sleep(pauseMs);
            }
        }
    }

    /** A real WAV file of {@code seconds} of 8 kHz 16-bit mono noise. */
    static void writeWav(Path file, int seconds, long seed) throws IOException {
        byte[] samples = new byte[seconds * 8000 * 2];
        new Random(seed).nextBytes(samples);
        AudioFormat format = new AudioFormat(8000f, 16, 1, true, false);
        Files.createDirectories(file.getParent());
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), format, seconds * 8000L),
                AudioFileFormat.Type.WAVE, file.toFile());
    }

    /** Envelopes (upload or failed) about files in this folder: the first {@code count}, waiting up to {@code millis}. */
    List<JsonNode> await(int count, long millis) throws IOException {
        List<JsonNode> ours = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        for (long left = millis; left > 0 && ours.size() < count; left = deadline - System.currentTimeMillis()) {
            GetResponse message = broker.take(queue, left);
            if (message == null) {
                break;
            }
            JsonNode envelope = EnvelopeJson.mapper().readTree(message.getBody());
            if (envelope.at("/payload/media_file").asText().startsWith(root.toString())) {
                ours.add(envelope);
            }
        }
        return ours;
    }

    /** Every such envelope arriving within the next {@code millis}. */
    List<JsonNode> during(long millis) throws IOException {
        return await(Integer.MAX_VALUE, millis);
    }
}

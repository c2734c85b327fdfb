package net.delonet.bloodbank.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** What Bloodbank reads from a recording: its identity (content, not name) and, where the JDK can tell, its length. */
public final class RecordingFile {

    static final int EDGE = 1 << 20;

    private RecordingFile() {
    }

    /**
     * {@code sha256:<hex>} over the size, the first MiB and the last MiB: the same recording copied, renamed or
     * touched keeps it; any other recording differs. Reads at most 2 MiB whatever the file's size.
     */
    public static String identity(Path file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(size).flip());
            digest(channel, 0, Math.min(size, EDGE), sha256);
            if (size > EDGE) {
                long tail = Math.max(EDGE, size - EDGE);
                digest(channel, tail, size - tail, sha256);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    private static void digest(FileChannel channel, long from, long length, MessageDigest sha256) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, from + buffer.position()) < 0) {
                throw new IOException("The file became shorter while it was read");
            }
        }
        sha256.update(buffer.flip());
    }

    /** Seconds of audio for the formats the JDK reads (WAV, AIFF, AU); null for the others (mp3, m4a, ogg …). */
    public static Double durationSeconds(Path file) {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
            float frameRate = format.getFormat().getFrameRate();
            if (format.getFrameLength() <= 0 || frameRate <= 0) {
                return null;
            }
            return format.getFrameLength() / (double) frameRate;
        } catch (UnsupportedAudioFileException | IOException unreadable) {
            return null;
        }
    }
}

package net.delonet.bloodbank.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Which file names are recordings (by extension; never hidden or partial downloads), their media type and title. */
public final class RecordingNames {

    /** Names browsers and recorders give files still being written: never a recording, whatever comes before. */
    static final Set<String> PARTIAL = Set.of("part", "crdownload", "tmp", "partial", "download");

    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"), Map.entry("m4a", "audio/mp4"),
            Map.entry("ogg", "audio/ogg"), Map.entry("opus", "audio/opus"), Map.entry("flac", "audio/flac"),
            Map.entry("aac", "audio/aac"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mov", "video/quicktime"), Map.entry("mkv", "video/x-matroska"));

    private final Set<String> extensions;

    /** {@code extensions}: comma-separated, e.g. {@code mp3,m4a,wav}. */
    public RecordingNames(String extensions) {
        this.extensions = Arrays.stream(extensions.split(",")).map(String::trim).map(e -> e.toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty() && !PARTIAL.contains(e)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isRecording(String fileName) {
        return !fileName.startsWith(".") && extensions.contains(extension(fileName));
    }

    public static String mediaType(String fileName) {
        return MEDIA_TYPES.getOrDefault(extension(fileName), "application/octet-stream");
    }

    /** The file name without its extension: "standup 2025-10-18.mp3" → "standup 2025-10-18". */
    public static String title(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

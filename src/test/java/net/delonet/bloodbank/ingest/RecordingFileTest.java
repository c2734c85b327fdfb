package net.delonet.bloodbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording's identity is its content, read at the edges; names and extensions decide what is a recording. */
class RecordingFileTest {

    @TempDir Path dir;

    @Test
    void should_give_a_copy_the_same_identity_and_a_changed_recording_another() throws Exception {
        Path original = dir.resolve("a.mp3");
        WatchedFolder.writeSlowly(original, 48, 0, 1);
        Path copy = Files.copy(original, dir.resolve("renamed.mp3"));
        assertThat(RecordingFile.identity(copy)).isEqualTo(RecordingFile.identity(original)).startsWith("sha256:");

        try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
            file.seek(file.length() - 1);
            file.write(file.read() ^ 1);
        }
        assertThat(RecordingFile.identity(copy)).isNotEqualTo(RecordingFile.identity(original));
    }

    @Test
    void should_fail_with_the_reason_when_the_recording_cannot_be_read() {
        assertThatThrownBy(() -> RecordingFile.identity(dir)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> RecordingFile.identity(dir.resolve("gone.mp3"))).isInstanceOf(IOException.class)
                .hasMessageContaining("gone.mp3");
    }

    @Test
    void should_read_the_duration_of_a_wav_and_not_guess_for_an_mp3() throws Exception {
        Path wav = dir.resolve("short.wav");
        WatchedFolder.writeWav(wav, 2, 1);
        assertThat(RecordingFile.durationSeconds(wav)).isEqualTo(2.0);
        Path mp3 = dir.resolve("noise.mp3");
        WatchedFolder.writeSlowly(mp3, 1, 0, 2);
        assertThat(RecordingFile.durationSeconds(mp3)).isNull();
    }

    @Test
    void should_take_recordings_by_extension_and_never_partial_or_hidden_files() {
        RecordingNames names = new RecordingNames("mp3, M4A,wav,part");
        assertThat(names.isRecording("standup.MP3")).isTrue();
        assertThat(names.isRecording("call.m4a")).isTrue();
        assertThat(names.isRecording("call.m4a.part")).isFalse();
        assertThat(names.isRecording("call.mp3.crdownload")).isFalse();
        assertThat(names.isRecording(".standup.mp3")).isFalse();
        assertThat(names.isRecording("notes.txt")).isFalse();
        assertThat(RecordingNames.title("standup 2025-10-18.mp3")).isEqualTo("standup 2025-10-18");
        assertThat(RecordingNames.mediaType("a.m4a")).isEqualTo("audio/mp4");
    }
}

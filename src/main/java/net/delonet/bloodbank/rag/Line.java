package net.delonet.bloodbank.rag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.delonet.bloodbank.events.FirefliesEvents.Sentence;

/** A sentence as the chunker sees it: its words counted, and never longer than the budget. */
record Line(String speaker, String text, Double start, Double end, int words) {

    static List<Line> split(List<Sentence> sentences, int maxWords) {
        List<Line> lines = new ArrayList<>();
        for (Sentence sentence : sentences == null ? List.<Sentence>of() : sentences) {
            String[] words = sentence.text() == null ? new String[] {""} : sentence.text().trim().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            String speaker = sentence.speakerName() == null || sentence.speakerName().isBlank()
                    ? null : sentence.speakerName().trim();
            for (int from = 0; from < words.length; from += maxWords) {
                String[] piece = Arrays.copyOfRange(words, from, Math.min(words.length, from + maxWords));
                lines.add(new Line(speaker, String.join(" ", piece), sentence.startTime(), sentence.endTime(),
                        piece.length));
            }
        }
        return lines;
    }

    static int words(List<Line> lines) {
        return lines.stream().mapToInt(Line::words).sum();
    }

    /** Labels each speaker turn so the passage reads, and is found, as "Name: what they said". */
    static Passage toPassage(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        Set<String> speakers = new LinkedHashSet<>();
        String previous = null;
        for (Line line : lines) {
            if (line.speaker() != null && (text.length() == 0 || !line.speaker().equals(previous))) {
                text.append(text.length() == 0 ? "" : " ").append(line.speaker()).append(':');
                speakers.add(line.speaker());
            }
            text.append(text.length() == 0 ? "" : " ").append(line.text());
            previous = line.speaker();
        }
        Double start = lines.stream().map(Line::start).filter(Objects::nonNull).findFirst().orElse(null);
        Double end = lines.stream().map(Line::end).filter(Objects::nonNull).max(Double::compare).orElse(null);
        return new Passage(text.toString(), List.copyOf(speakers), start, end);
    }
}

package net.delonet.bloodbank.rag;

import java.util.List;

/**
 * A span of a transcript or document small enough to embed as one vector.
 *
 * @param text the sentences, each speaker turn led by "Name: "
 * @param speakers who speaks in it, in order of first appearance (empty for documents)
 * @param startTime seconds from the start of the meeting, null when unknown
 * @param endTime seconds from the start of the meeting, null when unknown
 */
public record Passage(String text, List<String> speakers, Double startTime, Double endTime) {

    public Passage {
        speakers = List.copyOf(speakers);
    }
}

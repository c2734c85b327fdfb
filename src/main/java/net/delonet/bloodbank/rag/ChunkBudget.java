package net.delonet.bloodbank.rag;

/**
 * How large passages grow, in whitespace-separated words (the chunker's stand-in for tokens).
 *
 * @param maxWords a passage never holds more words than this, overlap included
 * @param minWords a passage ends at a speaker turn only once it holds this many new words
 * @param overlapWords at most this many words of a passage's last sentences open the next one
 */
public record ChunkBudget(int maxWords, int minWords, int overlapWords) {

    /**
     * all-MiniLM-L6-v2 reads 256 word pieces; English runs about 1.3 pieces a word, so 150 words plus
     * speaker labels stay under the limit and nothing is cut off.
     */
    public static final ChunkBudget DEFAULT = new ChunkBudget(150, 60, 30);

    public ChunkBudget {
        if (maxWords < 1 || minWords < 0 || minWords > maxWords || overlapWords < 0 || overlapWords >= maxWords) {
            throw new IllegalArgumentException("inconsistent chunk budget: max " + maxWords + ", min " + minWords
                    + ", overlap " + overlapWords);
        }
    }
}

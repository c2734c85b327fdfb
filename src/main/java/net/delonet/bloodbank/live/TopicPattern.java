package net.delonet.bloodbank.live;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/** AMQP topic binding patterns: words separated by dots, {@code *} one word, {@code #} zero or more words. */
public final class TopicPattern {

    private static final Pattern VALID = Pattern.compile("(\\*|#|[A-Za-z0-9_-]+)(\\.(\\*|#|[A-Za-z0-9_-]+))*");

    private TopicPattern() {
    }

    public static boolean isValid(String pattern) {
        return pattern != null && VALID.matcher(pattern).matches();
    }

    /**
     * The one check of a pattern a user gave: a {@code *} pattern that matches none of the registered event types
     * while its {@code #} form would (the guide's {@code fireflies.*}, {@code *.failed}: {@code *} is exactly one word,
     * and those types have three). Callers say the warning once: in their answer, or in the log.
     */
    public static Optional<String> misleadingStar(String pattern, Collection<String> eventTypes) {
        if (pattern == null || !pattern.contains("*") || eventTypes.stream().anyMatch(type -> matches(pattern, type))) {
            return Optional.empty();
        }
        String hashed = pattern.replace('*', '#');
        return eventTypes.stream().filter(type -> matches(hashed, type)).findFirst().map(example -> "'" + pattern
                + "' matches no registered event type: * is exactly one word, so it misses e.g. " + example
                + "; '" + hashed + "' matches any number of words");
    }

    /** Whether the broker would route {@code routingKey} to a queue bound with {@code pattern}. */
    public static boolean matches(String pattern, String routingKey) {
        return matches(pattern.split("\\."), 0, routingKey.split("\\."), 0);
    }

    private static boolean matches(String[] pattern, int p, String[] words, int w) {
        if (p == pattern.length) {
            return w == words.length;
        }
        if (pattern[p].equals("#")) {
            for (int skip = w; skip <= words.length; skip++) {
                if (matches(pattern, p + 1, words, skip)) {
                    return true;
                }
            }
            return false;
        }
        return w < words.length && (pattern[p].equals("*") || pattern[p].equals(words[w])) && matches(pattern, p + 1, words, w + 1);
    }
}

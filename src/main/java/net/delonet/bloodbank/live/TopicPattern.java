package net.delonet.bloodbank.live;

import java.util.regex.Pattern;

/** AMQP topic binding patterns: words separated by dots, {@code *} one word, {@code #} zero or more words. */
public final class TopicPattern {

    private static final Pattern VALID = Pattern.compile("(\\*|#|[A-Za-z0-9_-]+)(\\.(\\*|#|[A-Za-z0-9_-]+))*");

    private TopicPattern() {
    }

    public static boolean isValid(String pattern) {
        return pattern != null && VALID.matcher(pattern).matches();
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

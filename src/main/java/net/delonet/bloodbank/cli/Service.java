package net.delonet.bloodbank.cli;

import java.math.BigDecimal;
import java.time.Duration;
import net.delonet.bloodbank.client.BloodbankClient;

/**
 * The client every command uses: BLOODBANK_URL and BLOODBANK_TOKEN, a short connect timeout, and how long to wait
 * for an answer: {@code --timeout}, else {@code BLOODBANK_TIMEOUT}, else {@value #DEFAULT_SECONDS} s (a service
 * that accepts connections but never answers ends the command with exit 3 instead of hanging).
 */
final class Service {

    static final int DEFAULT_SECONDS = 10;
    private static volatile Duration chosen;

    private Service() {
    }

    static BloodbankClient client() {
        return client(Duration.ofSeconds(DEFAULT_SECONDS));
    }

    /** A command that may take longer (replay) names its own default; --timeout and BLOODBANK_TIMEOUT still win. */
    static BloodbankClient client(Duration byDefault) {
        return BloodbankClient.fromEnvironment(Duration.ofSeconds(3), timeout(byDefault));
    }

    /** {@code --timeout SECONDS}, from any command's option. */
    static void timeout(String seconds) {
        chosen = seconds(seconds, "--timeout");
    }

    private static Duration timeout(Duration byDefault) {
        if (chosen != null) {
            return chosen;
        }
        String env = System.getenv("BLOODBANK_TIMEOUT");
        return env == null || env.isBlank() ? byDefault : seconds(env, "BLOODBANK_TIMEOUT");
    }

    private static Duration seconds(String text, String name) {
        try {
            BigDecimal seconds = new BigDecimal(text.trim());
            if (seconds.signum() > 0) {
                return Duration.ofMillis(seconds.movePointRight(3).longValue());
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Failures.BadInput(name + " must be a positive number of seconds (e.g. 2.5), not '" + text + "'");
    }
}

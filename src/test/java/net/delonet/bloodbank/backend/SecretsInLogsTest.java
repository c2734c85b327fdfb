package net.delonet.bloodbank.backend;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No secret appears in any log line, at any level, from start to stop (Camel's property summary included). */
class SecretsInLogsTest {

    private static final Map<String, String> SECRETS = Map.of(
            "bloodbank.api-tokens", "tok1-s3cr3t,tok2-s3cr3t",
            "bloodbank.fireflies.api-key", "ff-key-s3cr3t",
            "bloodbank.fireflies.webhook-secret", "ff-hook-s3cr3t",
            "bloodbank.github.webhook-secret", "gh-hook-s3cr3t",
            "bloodbank.recordings.link-secret", "link-s3cr3t");

    @Test
    void should_log_no_secret_at_any_level() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger own = logging.getLogger("net.delonet.bloodbank");
        Level rootLevel = root.getLevel();
        Level ownLevel = own.getLevel();
        List<Appender<ILoggingEvent>> consoles = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(consoles::add);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        // Everything, quietly: the console would drown in TRACE.
        consoles.forEach(root::detachAppender);
        root.addAppender(captured);
        root.setLevel(Level.ALL);
        own.setLevel(Level.ALL);
        try (RunningBloodbank bloodbank = RunningBloodbank.start(SECRETS)) {
            bloodbank.http().get("/events/recent");
        } finally {
            root.detachAppender(captured);
            consoles.forEach(root::addAppender);
            root.setLevel(rootLevel);
            own.setLevel(ownLevel);
        }

        List<String> lines = captured.list.stream().map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        assertThat(lines).anyMatch(line -> line.contains("bloodbank.api-tokens = xxxxxx"));
        assertThat(lines.stream().filter(line -> line.matches("(?s).*(tok1|ff-key|ff-hook|gh-hook|link)-s3cr3t.*")))
                .as("lines with a secret").isEmpty();
    }
}

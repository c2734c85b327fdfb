package net.delonet.bloodbank.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the application logs while it is open, as an operator reads it (level, logger, the formatted line). */
public final class LogCapture implements AutoCloseable {

    /** One logged event; {@code stackTrace} when a throwable came with it. */
    public record Line(Level level, String logger, String message, boolean stackTrace) {
    }

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public List<Line> lines() {
        // the appender appends holding its own monitor
        synchronized (appender) {
            return appender.list.stream().map(e -> new Line(e.getLevel(), e.getLoggerName(), e.getFormattedMessage(),
                    e.getThrowableProxy() != null)).toList();
        }
    }

    /** Lines mentioning {@code text} (an event id, say). */
    public List<Line> mentioning(String text) {
        return lines().stream().filter(line -> line.message().contains(text)).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}

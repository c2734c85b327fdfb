package net.delonet.bloodbank.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, poll by poll and without blocking, when a recording is completely written: its size and mtime are the
 * same as at the previous poll and it has not been modified for the quiet period. As the watcher's poll strategy it
 * also notices recordings that disappeared while still being written (a rename keeps size and mtime: not reported).
 */
public final class RecordingReadiness implements GenericFileFilter<File>, PollingConsumerPollStrategy {

    /** A recording that was removed before it was completely written. */
    public record Vanished(String mediaFile, long sizeBytes, long modifiedMillis) {
    }

    private record Observation(long size, long modified, boolean settled, boolean writing) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RecordingReadiness.class);

    private final RecordingNames names;
    private final long quietMillis;
    private final Clock clock;
    private final Map<String, Observation> seen = new ConcurrentHashMap<>();
    private final Set<String> present = ConcurrentHashMap.newKeySet();
    private volatile Consumer<Vanished> onVanished = vanished -> { };

    public RecordingReadiness(RecordingNames names, Duration quietPeriod, Clock clock) {
        this.names = names;
        this.quietMillis = quietPeriod.toMillis();
        this.clock = clock;
    }

    public void onVanished(Consumer<Vanished> listener) {
        this.onVanished = listener;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return true;
        }
        if (!names.isRecording(file.getFileNameOnly())) {
            return false;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file.getFile().toPath(), BasicFileAttributes.class);
        } catch (IOException gone) {
            return false;
        }
        if (!attributes.isRegularFile()) {
            return false;
        }
        String path = file.getFile().getAbsolutePath();
        present.add(path);
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        Observation before = seen.get(path);
        boolean unchanged = before != null && before.size() == size && before.modified() == modified;
        boolean quiet = clock.millis() - modified >= quietMillis;
        boolean ready = size > 0 && unchanged && quiet;
        seen.put(path, new Observation(size, modified, ready, !quiet));
        return ready;
    }

    @Override
    public boolean begin(org.apache.camel.Consumer consumer, Endpoint endpoint) {
        present.clear();
        return true;
    }

    @Override
    public void commit(org.apache.camel.Consumer consumer, Endpoint endpoint, int polledMessages) {
        seen.entrySet().removeIf(entry -> {
            if (present.contains(entry.getKey())) {
                return false;
            }
            Observation last = entry.getValue();
            if (!last.settled() && last.writing() && last.size() > 0 && !renamed(last)) {
                onVanished.accept(new Vanished(entry.getKey(), last.size(), last.modified()));
            }
            return true;
        });
    }

    private boolean renamed(Observation gone) {
        return present.stream().map(seen::get).anyMatch(now -> now != null
                && now.size() == gone.size() && now.modified() == gone.modified());
    }

    @Override
    public boolean rollback(org.apache.camel.Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        LOG.warn("Scanning {} for recordings failed (next scan as scheduled): {}", endpoint, cause.getMessage());
        return false;
    }
}

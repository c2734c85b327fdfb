package net.delonet.bloodbank.consume.pipeline;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import net.delonet.bloodbank.refusal.UnavailableException;

/**
 * Once-only handling per consumer queue, in Redis, under the queue's name ({@code <prefix><consumer>}, so two
 * deployments with their own prefixes on one Redis each handle every event once):
 * <ul>
 * <li>{@code bloodbank:processed:<queue>:<event_id>}: written after the handler succeeded, kept for the
 * consumer's dedupe TTL (24 h by default); an event found here is acknowledged without handling it again;
 * <li>{@code bloodbank:processing:<queue>:<event_id>}: a {@link Claim} taken before the handler runs, so two
 * deliveries of one event (a duplicate publish, a redelivery while the first still runs) never run concurrently.
 * </ul>
 */
public final class Dedupe implements AutoCloseable {

    private static final String CLAIM = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
            return 2""";
    private static final long BUSY_POLL_MS = 100;

    private final RedisClient client;
    private final String queuePrefix;
    private final Duration claimTtl;
    private final ScheduledExecutorService renewals;
    private volatile StatefulRedisConnection<String, String> connection;

    public Dedupe(RedisClient client, String queuePrefix, Duration claimTtl, ScheduledExecutorService renewals) {
        this.client = client;
        this.queuePrefix = queuePrefix;
        this.claimTtl = claimTtl;
        this.renewals = renewals;
    }

    /**
     * Claims {@code eventId} for {@code consumer}; empty when it was handled already. While another delivery holds
     * the claim this waits, at most one claim lifetime (time for a crashed holder's claim to lapse), then gives up
     * with a retryable {@link EventInProgressException}.
     */
    public Optional<Claim> claim(String consumer, String eventId) throws InterruptedException {
        Claim claim = new Claim(this, queuePrefix + consumer, eventId);
        long deadline = System.nanoTime() + claimTtl.toNanos();
        while (true) {
            long outcome = eval(CLAIM, new String[] {claim.processedKey, claim.claimKey}, claim.token,
                    Long.toString(claimTtl.toMillis()));
            if (outcome == 0) {
                return Optional.empty();
            }
            if (outcome == 1) {
                claim.renewEvery(claimTtl, renewals);
                return Optional.of(claim);
            }
            if (System.nanoTime() > deadline) {
                throw new EventInProgressException(consumer, eventId);
            }
            Thread.sleep(BUSY_POLL_MS);
        }
    }

    long eval(String script, String[] keys, String... args) {
        try {
            return commands().<Long>eval(script, ScriptOutputType.INTEGER, keys, args);
        } catch (RuntimeException e) {
            throw new UnavailableException("Redis is unavailable for dedupe (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            synchronized (this) {
                if (connection == null) {
                    connection = client.connect();
                }
                current = connection;
            }
        }
        return current.sync();
    }

    /** Closes the dedupe connection; the Redis client is shared, and shut down by its owner after every user. */
    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
    }
}

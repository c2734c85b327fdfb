package net.delonet.bloodbank.correlation;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.delonet.bloodbank.backend.Connecting;
import net.delonet.bloodbank.refusal.UnavailableException;

/**
 * The causation graph in Redis, under the exact keys other tools read (DESIGN.md):
 * {@code bloodbank:correlation:forward:{child}} → JSON of the parents, and
 * {@code bloodbank:correlation:reverse:{parent}} → set of children, both expiring after the configured TTL.
 */
public final class CorrelationStore implements AutoCloseable {

    static final String FORWARD = "bloodbank:correlation:forward:";
    static final String REVERSE = "bloodbank:correlation:reverse:";

    /**
     * One atomic step: the child's record, then the child added to each parent's set; every key gets the TTL.
     * Refused (0) when Redis runs it after ARGV[4], the caller's deadline (ms since the epoch): a write that reaches
     * Redis after Bloodbank answered 503 must not leave a record of an event never published. Otherwise 1 for a new
     * record, 2 when one existed already (the same event published before: that one is never taken back).
     */
    private static final String RECORD = """
            local now = redis.call('TIME')
            if tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) > tonumber(ARGV[4]) then return 0 end
            local existed = redis.call('EXISTS', KEYS[1])
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            for i = 2, #KEYS do
              redis.call('SADD', KEYS[i], ARGV[3])
              redis.call('EXPIRE', KEYS[i], ARGV[2])
            end
            return 1 + existed""";

    /** Undoes RECORD for an event that was not published, unless a later write replaced the record. */
    private static final String FORGET = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1])
            for i = 2, #KEYS do redis.call('SREM', KEYS[i], ARGV[2]) end
            return 1""";

    /** Seconds (one attempt a second) a write of unknown outcome is taken back for, while Redis is away. */
    private static final int TAKE_BACK_ATTEMPTS = 30;

    private final RedisClient client;
    private final long ttlSeconds;
    private final Duration timeout;
    private volatile StatefulRedisConnection<String, String> connection;
    private final Connecting connecting;

    public CorrelationStore(RedisClient client, Duration ttl, Duration timeout) {
        this.client = client;
        this.ttlSeconds = ttl.toSeconds();
        this.timeout = timeout;
        this.connecting = new Connecting("bloodbank-redis-connect", timeout, CorrelationStore::unavailable);
    }

    /**
     * Records {@code child}'s parents; completes once Redis has applied the whole write, with whether the record is
     * new (false: the same event was recorded before, so a failed publish must not take it back).
     */
    public CompletionStage<Boolean> record(UUID child, List<UUID> parents, String recordJson) {
        // Clocks: Redis checks the deadline by its own clock, so Bloodbank's and Redis's must agree to well within the
        // timeout (NTP); a skew of s lets a write s late through. Chosen over undoing a late write afterwards alone:
        // that undo needs the same dead link, and Lettuce replays commands after a reconnect, so it can lose the race.
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        String[] keys = keys(child, parents);
        return withConnection(redis -> {
            CompletableFuture<Long> written = redis.async().<Long>eval(RECORD, ScriptOutputType.INTEGER, keys, recordJson,
                    Long.toString(ttlSeconds), child.toString(), Long.toString(deadline)).toCompletableFuture();
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            // A copy times out, not the command: its late answer still tells whether Redis ran it in time.
            written.thenApply(result -> result).orTimeout(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS)
                    .whenComplete((result, failure) -> {
                        if (failure != null) {
                            done.completeExceptionally(unavailable(failure));
                        } else if (result == 0) {
                            done.completeExceptionally(new UnavailableException(
                                    "Redis is unavailable (it ran the write after its deadline; nothing was recorded)", null));
                        } else {
                            done.complete(result == 1);
                        }
                    });
            // The caller was told 503, yet Redis may have run the write: it answered after the deadline, or the link
            // dropped after sending it (no answer at all). Taken back then, retried while Redis is away. A write sent
            // while disconnected was rejected unsent (REJECT_COMMANDS): nothing to take back.
            boolean sent = redis.isOpen();
            written.whenComplete((result, failure) -> {
                if (failure != null ? sent : result == 1 && done.isCompletedExceptionally()) {
                    takeBack(child, parents, recordJson, TAKE_BACK_ATTEMPTS);
                }
            });
            return done;
        });
    }

    private void takeBack(UUID child, List<UUID> parents, String recordJson, int attempts) {
        forget(child, parents, recordJson).whenComplete((ok, failure) -> {
            if (failure != null && attempts > 1) {
                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)
                        .execute(() -> takeBack(child, parents, recordJson, attempts - 1));
            }
        });
    }

    /** Takes back a new record of an event that was not published. */
    public CompletionStage<Void> forget(UUID child, List<UUID> parents, String recordJson) {
        return withConnection(redis -> redis.async().<Long>eval(FORGET, ScriptOutputType.INTEGER, keys(child, parents),
                recordJson, child.toString()).toCompletableFuture().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .<Void>thenApply(result -> null));
    }

    /** The child's forward record as stored, or null when Redis holds none. */
    public String forward(String eventId) {
        return commands().get(FORWARD + eventId);
    }

    public List<String> forwards(List<String> eventIds) {
        String[] keys = eventIds.stream().map(id -> FORWARD + id).toArray(String[]::new);
        return commands().mget(keys).stream().map(kv -> kv.getValueOrElse(null)).toList();
    }

    public Set<String> children(String eventId) {
        return commands().smembers(REVERSE + eventId);
    }

    public boolean isReachable() {
        try {
            return "PONG".equals(commands().ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private <T> CompletionStage<T> withConnection(Function<StatefulRedisConnection<String, String>, CompletionStage<T>> use) {
        StatefulRedisConnection<String, String> open = connection;
        if (open != null) {
            return use.apply(open);
        }
        // The first connection waits on the network; bounded like a command.
        return connecting.then(this::connection, use);
    }

    private RedisCommands<String, String> commands() {
        try {
            return connection().sync();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Connects on first use, so Bloodbank starts (and reports not ready) while Redis is down. */
    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            synchronized (this) {
                if (connection == null) {
                    connection = client.connect();
                    connection.setTimeout(timeout);
                }
                current = connection;
            }
        }
        return current;
    }

    private static UnavailableException unavailable(Throwable cause) {
        Throwable root = cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof UnavailableException u) {
            return u;
        }
        String why = root instanceof java.util.concurrent.TimeoutException ? "no answer in time"
                : root.getClass().getSimpleName();
        return new UnavailableException("Redis is unavailable (" + why + "): nothing was published", root);
    }

    private static String[] keys(UUID child, List<UUID> parents) {
        String[] keys = new String[parents.size() + 1];
        keys[0] = FORWARD + child;
        for (int i = 0; i < parents.size(); i++) {
            keys[i + 1] = REVERSE + parents.get(i);
        }
        return keys;
    }

    /** Closes this store's connection; the Redis client is shared, and shut down by its owner after every user. */
    @Override
    public void close() {
        connecting.close();
        if (connection != null) {
            connection.close();
        }
    }
}

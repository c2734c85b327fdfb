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
import net.delonet.bloodbank.config.Connecting;
import net.delonet.bloodbank.http.UnavailableException;

/**
 * The causation graph in Redis, under the exact keys other tools read (DESIGN.md):
 * {@code bloodbank:correlation:forward:{child}} → JSON of the parents, and
 * {@code bloodbank:correlation:reverse:{parent}} → set of children, both expiring after the configured TTL.
 */
public final class CorrelationStore implements AutoCloseable {

    static final String FORWARD = "bloodbank:correlation:forward:";
    static final String REVERSE = "bloodbank:correlation:reverse:";

    /** One atomic step: the child's record, then the child added to each parent's set; every key gets the TTL. */
    private static final String RECORD = """
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            for i = 2, #KEYS do
              redis.call('SADD', KEYS[i], ARGV[3])
              redis.call('EXPIRE', KEYS[i], ARGV[2])
            end
            return #KEYS""";

    /** Undoes RECORD for an event the broker refused, unless a later write replaced the record. */
    private static final String FORGET = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
            for i = 2, #KEYS do redis.call('SREM', KEYS[i], ARGV[2]) end
            return 1""";

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

    /** Records {@code child}'s parents; completes once Redis has applied the whole write. */
    public CompletionStage<Void> record(UUID child, List<UUID> parents, String recordJson) {
        return eval(RECORD, keys(child, parents), recordJson, Long.toString(ttlSeconds), child.toString());
    }

    public CompletionStage<Void> forget(UUID child, List<UUID> parents, String recordJson) {
        return eval(FORGET, keys(child, parents), recordJson, child.toString());
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

    private CompletionStage<Void> eval(String script, String[] keys, String... args) {
        StatefulRedisConnection<String, String> open = connection;
        if (open != null) {
            return eval(open, script, keys, args);
        }
        // The first connection waits on the network; bounded like a command.
        return connecting.then(this::connection, redis -> eval(redis, script, keys, args));
    }

    private CompletionStage<Void> eval(StatefulRedisConnection<String, String> redis, String script, String[] keys,
                                       String... args) {
        // Completed directly (not through a dependent stage) so callers see the UnavailableException itself.
        CompletableFuture<Void> done = new CompletableFuture<>();
        redis.async().<Long>eval(script, ScriptOutputType.INTEGER, keys, args)
                .toCompletableFuture()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(unavailable(failure));
                    } else {
                        done.complete(null);
                    }
                });
        return done;
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
        return new UnavailableException("Redis is unavailable (" + root.getClass().getSimpleName() + ")", root);
    }

    private static String[] keys(UUID child, List<UUID> parents) {
        String[] keys = new String[parents.size() + 1];
        keys[0] = FORWARD + child;
        for (int i = 0; i < parents.size(); i++) {
            keys[i + 1] = REVERSE + parents.get(i);
        }
        return keys;
    }

    @Override
    public void close() {
        connecting.close();
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }
}

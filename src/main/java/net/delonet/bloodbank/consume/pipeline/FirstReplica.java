package net.delonet.bloodbank.consume.pipeline;

import java.time.Duration;
import java.util.Locale;
import net.delonet.bloodbank.envelope.LocalHost;

/**
 * For consumers every replica runs on a queue of its own (docs/replicas.md): of the replicas handling one event, the
 * first to claim it in Redis does what must happen once per deployment, e.g. publish the event's result. The claim
 * {@code bloodbank:once:<prefix><task>:<event_id>} holds the replica's id, so that replica's own redelivery still
 * finds it claimed by itself and does the work it could not finish; it lapses with the consumers' dedupe TTL.
 */
public final class FirstReplica {

    private static final String CLAIM = """
            local holder = redis.call('GET', KEYS[1])
            if not holder then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) return 1 end
            if holder == ARGV[1] then return 1 end
            return 0""";

    private final Dedupe redis;
    private final String queuePrefix;
    private final String replica;
    private final Duration ttl;

    public FirstReplica(Dedupe redis, String queuePrefix, String replica, Duration ttl) {
        this.redis = redis;
        this.queuePrefix = queuePrefix;
        this.replica = replica;
        this.ttl = ttl;
    }

    /** Whether this replica does {@code task} for {@code eventId}: it claimed it first, now or on an earlier delivery. */
    public boolean claims(String task, String eventId) {
        return redis.eval(CLAIM, new String[] {"bloodbank:once:" + queuePrefix + task + ":" + eventId}, replica,
                Long.toString(ttl.toSeconds())) == 1;
    }

    /**
     * The replica's id as queue names can carry it ({@code [a-z0-9-]}): the configured one, else the host name (a
     * StatefulSet pod's host name is its stable pod name, e.g. {@code bloodbank-0}).
     */
    public static String id(String configured) {
        String id = LocalHost.name(configured).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "local" : id;
    }
}

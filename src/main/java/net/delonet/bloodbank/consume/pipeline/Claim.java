package net.delonet.bloodbank.consume.pipeline;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.delonet.bloodbank.refusal.UnavailableException;

/**
 * One delivery's claim on handling an event ({@link Dedupe}), held until it completes or is released, whichever
 * comes first. Renewed while held, so it outlives a slow handler, and lapses one lifetime after its holder died.
 */
public final class Claim {

    private static final String COMPLETE = """
            redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
            if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
            return 1""";
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";
    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 0""";

    final String processedKey;
    final String claimKey;
    final String token = UUID.randomUUID().toString();
    private final Dedupe dedupe;
    private final AtomicBoolean held = new AtomicBoolean(true);
    private ScheduledFuture<?> renewal;

    Claim(Dedupe dedupe, String queue, String eventId) {
        this.dedupe = dedupe;
        this.processedKey = "bloodbank:processed:" + queue + ":" + eventId;
        this.claimKey = "bloodbank:processing:" + queue + ":" + eventId;
    }

    /** Marks the event handled for {@code ttl}, then lets the claim go. */
    public void complete(Duration ttl) {
        dedupe.eval(COMPLETE, new String[] {processedKey, claimKey}, token,
                OffsetDateTime.now(ZoneOffset.UTC).toString(), Long.toString(ttl.toSeconds()));
        held.set(false);
        renewal.cancel(false);
    }

    /** Lets the claim go without marking anything, unless that happened already. */
    public void release() {
        if (held.getAndSet(false)) {
            renewal.cancel(false);
            dedupe.eval(RELEASE, new String[] {claimKey}, token);
        }
    }

    void renewEvery(Duration lifetime, ScheduledExecutorService renewals) {
        long every = Math.max(lifetime.toMillis() / 3, 1);
        renewal = renewals.scheduleAtFixedRate(() -> renew(lifetime), every, every, TimeUnit.MILLISECONDS);
    }

    private void renew(Duration lifetime) {
        try {
            if (dedupe.eval(RENEW, new String[] {claimKey}, token, Long.toString(lifetime.toMillis())) == 0) {
                renewal.cancel(false);
            }
        } catch (UnavailableException e) {
            // Redis is away: the next renewal tries again (and while Redis is away nobody else can claim either).
        }
    }
}

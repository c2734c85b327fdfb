package net.delonet.bloodbank.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.delonet.bloodbank.testing.PublishLoad.Sent;
import net.delonet.bloodbank.testing.RedisProbe;

/** What one fault run showed: answers by status, what was lost or left behind, how fast it failed and recovered. */
record Figures(String fault, int sent, long accepted, long unavailable, long unknown, long lost, long orphans,
               long firstFailureMs, long recoveredMs, long slowestAnswerMs, long slowestHealthMs) {

    static Figures of(String fault, List<Sent> sent, Set<String> delivered, RedisProbe redis, long faultAt,
                      long healedAt, long slowestHealthMs) {
        long lost = sent.stream().filter(s -> status(s) == 202 && !delivered.contains(s.eventId())).count();
        List<String> refused = sent.stream().filter(s -> status(s) == 503).map(Sent::eventId).toList();
        long orphans = refused.size() - unrecorded(redis, refused).size();
        long firstFailure = sent.stream().filter(s -> status(s) != 202 && s.answeredAt() > faultAt)
                .mapToLong(Sent::answeredAt).min().orElse(faultAt);
        long recovered = sent.stream().filter(s -> status(s) == 202 && s.sentAt() > healedAt)
                .mapToLong(Sent::answeredAt).min().orElse(healedAt);
        return new Figures(fault, sent.size(), count(sent, 202), count(sent, 503), count(sent, 504), lost, orphans,
                millis(firstFailure - faultAt), millis(recovered - healedAt),
                sent.stream().mapToLong(Sent::millis).max().orElse(0), slowestHealthMs);
    }

    /** The event ids of the messages, each of which must have arrived exactly once. */
    static Set<String> deliveredOnce(List<GetResponse> messages) {
        List<String> ids = messages.stream().map(m -> m.getProps().getMessageId()).toList();
        assertThat(ids).as("delivered more than once").doesNotHaveDuplicates();
        return Set.copyOf(ids);
    }

    /** The ids among {@code eventIds} without a causation record in Redis. */
    static Set<String> unrecorded(RedisProbe redis, Collection<String> eventIds) {
        return eventIds.stream().filter(id -> redis.redis().exists("bloodbank:correlation:forward:" + id) == 0)
                .collect(Collectors.toSet());
    }

    private static int status(Sent s) {
        return s.answer().status();
    }

    private static long count(List<Sent> sent, int status) {
        return sent.stream().filter(s -> status(s) == status).count();
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    @Override
    public String toString() {
        return ("FAULT %s: %d publishes (202: %d, 503: %d, 504: %d), acknowledged-but-lost %d, orphan records %d, "
                + "first 503/504 %d ms after the fault, first 202 %d ms after it ended, slowest answer %d ms, "
                + "slowest health probe %d ms").formatted(fault, sent, accepted, unavailable, unknown, lost, orphans,
                firstFailureMs, recoveredMs, slowestAnswerMs, slowestHealthMs);
    }
}

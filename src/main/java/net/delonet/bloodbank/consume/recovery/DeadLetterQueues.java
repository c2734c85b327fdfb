package net.delonet.bloodbank.consume.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.Map;
import net.delonet.bloodbank.consume.pipeline.DeadLetter;
import net.delonet.bloodbank.consume.topology.AdminConnection;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.ops.BusMetrics;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /dlq} (each consumer's dead-letter queue and its depth, with its parked and still pending messages),
 * the same depths as gauges, and {@code GET /dlq/{name}} (its dead letters, a page at a time). Peeking needs no
 * management plugin: messages are taken with basic.get without ack on a channel of their own and given back (nack,
 * requeue) before it closes, so they stay on the queue in their place; if Bloodbank dies mid-way, the closing
 * connection gives them back all the same.
 */
public final class DeadLetterQueues {

    private static final int MAX_PAGE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueues.class);

    private final Topology topology;
    private final AdminConnection broker;
    private final BusMetrics metrics;

    public DeadLetterQueues(Topology topology, AdminConnection broker, BusMetrics metrics) {
        this.topology = topology;
        this.broker = broker;
        this.metrics = metrics;
    }

    /**
     * Puts each consumer's dead-letter, parked and pending depths on the gauges of /observe/metrics (a timer route
     * calls this). A consumer whose queues cannot be read right now (broker away, queue deleted) reads NaN.
     */
    public void refreshDepthGauges() {
        for (String name : topology.consumers().keySet()) {
            try {
                broker.withChannel(channel -> {
                    metrics.queueDepths(name, depth(channel, topology.deadLetters(name)),
                            depth(channel, topology.parked(name)), depth(channel, topology.queue(name)));
                    return null;
                });
            } catch (IOException | RuntimeException e) {
                LOG.debug("Depths of consumer {} unknown: {}", name, e.toString());
                metrics.queueDepthsUnknown(name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public JsonNode list() {
        return broker.forRequest(channel -> {
            ArrayNode queues = EnvelopeJson.mapper().createArrayNode();
            for (String name : topology.consumers().keySet()) {
                queues.addObject().put("consumer", name).put("queue", topology.deadLetters(name))
                        .put("depth", depth(channel, topology.deadLetters(name)))
                        .put("parked", depth(channel, topology.parked(name)))
                        .put("pending", depth(channel, topology.queue(name)));
            }
            ObjectNode answer = EnvelopeJson.mapper().createObjectNode();
            answer.set("queues", queues);
            return answer.put("count", queues.size());
        });
    }

    public JsonNode peek(@Header("name") String name, @Header("offset") String offset, @Header("limit") String limit) {
        String queue = deadLettersOf(topology, name);
        int from = number(offset, 0, "offset");
        int size = Math.min(number(limit, 20, "limit"), MAX_PAGE);
        return broker.forRequest(channel -> {
            ObjectNode answer = EnvelopeJson.mapper().createObjectNode().put("consumer", name).put("queue", queue)
                    .put("depth", depth(channel, queue)).put("offset", from).put("limit", size);
            ArrayNode messages = answer.putArray("messages");
            GetResponse next;
            long last = 0;
            for (int i = 0; i < from + size && (next = channel.basicGet(queue, false)) != null; i++) {
                if (i >= from) {
                    messages.add(summary(next.getProps()));
                }
                last = next.getEnvelope().getDeliveryTag();
            }
            // All given back together at the end: one given back earlier would be the next basic.get's answer again.
            if (last > 0) {
                channel.basicNack(last, true, true);
            }
            return answer;
        });
    }

    static String deadLettersOf(Topology topology, String name) {
        if (!topology.hasConsumer(name)) {
            throw ApiException.notFound("name", "No consumer named '" + name + "'");
        }
        return topology.deadLetters(name);
    }

    static int depth(Channel channel, String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    private static ObjectNode summary(AMQP.BasicProperties props) {
        Map<String, Object> headers = props.getHeaders() == null ? Map.of() : props.getHeaders();
        ObjectNode message = EnvelopeJson.mapper().createObjectNode()
                .put("event_id", DeadLetter.eventId(props)).put("event_type", DeadLetter.eventType(props));
        for (String header : new String[] {DeadLetter.ROUTING_KEY, DeadLetter.ERROR_MESSAGE, DeadLetter.ERROR_CLASS,
            DeadLetter.ERROR_CODE, DeadLetter.RETRYABLE, DeadLetter.ATTEMPTS, DeadLetter.FIRST_FAILURE,
            DeadLetter.LAST_FAILURE, DeadLetter.REDRIVES}) {
            message.set(header.substring("x-bloodbank-".length()).replace('-', '_'),
                    EnvelopeJson.mapper().valueToTree(headers.get(header) == null ? null : plain(headers.get(header))));
        }
        return message;
    }

    private static Object plain(Object header) {
        return header instanceof Number || header instanceof Boolean ? header : header.toString();
    }

    private static int number(String value, int absent, String field) {
        try {
            int parsed = value == null || value.isBlank() ? absent : Integer.parseInt(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest(field, field + " must be a whole number ≥ 0");
    }
}

package net.delonet.bloodbank.consume.pipeline;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;

/**
 * The RabbitMQ delivery behind a consumer's exchange and its settlement: consumers ack manually, exactly once.
 * A channel that closed before the ack has already given the message back to the broker, which delivers it
 * again (and dedupe recognises it), so settling it is then nothing to do.
 */
public final class Delivery {

    static final String MESSAGE = "bloodbank.delivery";
    private static final String SETTLED = "bloodbank.settled";
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private Delivery() {
    }

    public static Message of(Exchange exchange) {
        return exchange.getProperty(MESSAGE, Message.class);
    }

    static void ack(Exchange exchange) throws IOException {
        settle(exchange, true);
    }

    /** Back onto the queue for a later delivery: nothing was done with it. */
    static void requeue(Exchange exchange) throws IOException {
        settle(exchange, false);
    }

    static boolean isOpen(Exchange exchange) {
        Channel channel = exchange.getProperty(SpringRabbitMQConstants.CHANNEL, Channel.class);
        return channel != null && channel.isOpen();
    }

    private static void settle(Exchange exchange, boolean ack) throws IOException {
        if (exchange.getProperty(SETTLED, false, Boolean.class)) {
            return;
        }
        exchange.setProperty(SETTLED, true);
        Channel channel = exchange.getProperty(SpringRabbitMQConstants.CHANNEL, Channel.class);
        long tag = of(exchange).getMessageProperties().getDeliveryTag();
        try {
            if (ack) {
                channel.basicAck(tag, false);
            } else {
                channel.basicNack(tag, false, true);
            }
        } catch (AlreadyClosedException e) {
            LOG.info("Channel closed before delivery {} was settled: the broker delivers it again", tag);
        }
    }
}

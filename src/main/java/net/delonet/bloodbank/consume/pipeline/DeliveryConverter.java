package net.delonet.bloodbank.consume.pipeline;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * Hands consumer routes the delivered message itself (body bytes and every property), so a dead letter, a
 * redrive or a replay carries exactly what was published.
 */
public final class DeliveryConverter implements MessageConverter {

    @Override
    public Message toMessage(Object object, MessageProperties messageProperties) {
        throw new MessageConversionException("Consumer endpoints only receive; publish with to: direct:publish");
    }

    @Override
    public Object fromMessage(Message message) {
        return message;
    }
}

package bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The consumer side of a wrk run, as PerfTest has one: drains a server-named queue bound to {@code bench.#} on the
 * exchange given (default amq.topic) until stdin closes, then prints how many messages arrived and how many were
 * still waiting in its queue (a consumer that keeps up leaves none).
 */
public final class Drain {

    public static void main(String[] args) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672");
        AtomicLong delivered = new AtomicLong();
        try (Connection amqp = factory.newConnection("bench-drain")) {
            Channel channel = amqp.createChannel();
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, args.length > 0 ? args[0] : "amq.topic", "bench.#");
            channel.basicConsume(queue, true, (tag, msg) -> delivered.incrementAndGet(), tag -> { });
            System.out.println("draining " + queue);
            while (System.in.read() >= 0) {
                // until the caller closes stdin
            }
            System.out.println("delivered=" + delivered.get() + " waiting=" + channel.queueDeclarePassive(queue).getMessageCount());
        }
    }
}
